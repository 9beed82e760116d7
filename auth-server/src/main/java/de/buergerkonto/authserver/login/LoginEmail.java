package de.buergerkonto.authserver.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The email typed at the last failed login of this session, so the login page and the form for
 * a new verification link can show it again instead of making the citizen retype it.
 */
public final class LoginEmail {

    private static final String ATTRIBUTE = LoginEmail.class.getName();

    private LoginEmail() {
    }

    static void keep(HttpServletRequest request, String email) {
        if (email != null && !email.isBlank()) {
            request.getSession().setAttribute(ATTRIBUTE, email.trim());
        }
    }

    /** The kept email, or an empty string. */
    public static String get(HttpSession session) {
        Object email = session == null ? null : session.getAttribute(ATTRIBUTE);
        return email instanceof String kept ? kept : "";
    }
}
