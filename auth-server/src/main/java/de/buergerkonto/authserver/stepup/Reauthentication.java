package de.buergerkonto.authserver.stepup;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Remembers in the session when a re-authentication was demanded, so that the login that
 * follows satisfies the request that demanded it, also for {@code max_age=0}, where a login is
 * "too old" a second later.
 */
public final class Reauthentication {

    private static final String DEMANDED_AT = Reauthentication.class.getName() + ".demandedAt";

    private Reauthentication() {
    }

    public static void demand(HttpServletRequest request, Instant now) {
        request.getSession().setAttribute(DEMANDED_AT, now);
    }

    /** Whether a re-authentication was demanded in this session and the given login came after it. */
    static boolean satisfiedBy(HttpSession session, Instant authTime) {
        Object demandedAt = session == null ? null : session.getAttribute(DEMANDED_AT);
        return demandedAt instanceof Instant at && !authTime.isBefore(at);
    }
}
