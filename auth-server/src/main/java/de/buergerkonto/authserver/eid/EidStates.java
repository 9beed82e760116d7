package de.buergerkonto.authserver.eid;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * The {@code state} sent to the eID adapter, bound to the browser session and usable once. It
 * replaces the CSRF token for the callback, which arrives as a cross-site form POST from the
 * adapter's origin: only the session that started the card flow holds its state, and the
 * adapter puts it into the signed handover token. A session keeps at most
 * {@value #MAX_PENDING} pending states (several tabs); older ones are dropped.
 */
@Component
class EidStates {

    static final int MAX_PENDING = 5;
    private static final String ATTRIBUTE = EidStates.class.getName();
    private static final int STATE_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** A fresh state for this session and intent. */
    String issue(HttpSession session, EidIntent intent) {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LinkedHashMap<String, String> pending = pending(session);
        pending.put(state, intent.name());
        while (pending.size() > MAX_PENDING) {
            pending.remove(pending.keySet().iterator().next());
        }
        // set again: the session repository stores only attributes that were set
        session.setAttribute(ATTRIBUTE, pending);
        return state;
    }

    /** The intent the state was issued for; the state is gone afterwards, whatever the outcome. */
    Optional<EidIntent> consume(HttpSession session, String state) {
        if (session == null || state == null) {
            return Optional.empty();
        }
        LinkedHashMap<String, String> pending = pending(session);
        String intent = pending.remove(state);
        session.setAttribute(ATTRIBUTE, pending);
        return Optional.ofNullable(intent).map(EidIntent::valueOf);
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, String> pending(HttpSession session) {
        Object stored = session.getAttribute(ATTRIBUTE);
        return stored instanceof LinkedHashMap<?, ?> map ? new LinkedHashMap<>((LinkedHashMap<String, String>) map)
                : new LinkedHashMap<>();
    }
}
