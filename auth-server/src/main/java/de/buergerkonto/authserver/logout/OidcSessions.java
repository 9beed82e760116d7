package de.buergerkonto.authserver.logout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.security.Sha256;

/**
 * The {@code sid} claim of ID tokens (OpenID Connect Front-Channel Logout 1.0, section 3): the
 * SHA-256 of the citizen's session id, base64url, the form Spring's logout endpoint compares
 * with the session of a logout request. The session id itself never leaves the server.
 */
@Component
public final class OidcSessions {

    private final SessionRegistry sessions;

    public OidcSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /**
     * The sid of the account's most recently used session: the token request comes from the
     * service's back end, so the browser session that approved the code is not at hand.
     */
    public Optional<String> sidOfLatestSession(String accountId) {
        return sessions.getAllSessions(accountId, false).stream()
                .max(Comparator.comparing(SessionInformation::getLastRequest))
                .map(session -> sid(session.getSessionId()));
    }

    static String sid(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Sha256.digest(sessionId.getBytes(StandardCharsets.US_ASCII)));
    }
}
