package de.buergerkonto.eidadapter.session;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Binds an eID session to the browser that started it: the session ID lives only in this cookie
 * ({@code HttpOnly}, path {@code /eid}), so a response for a session started elsewhere cannot
 * be completed in a victim's browser (login CSRF).
 *
 * <p>{@code SameSite}: {@code Lax} over http (local run; the simulator is same-site); over https
 * {@code None} with {@code Secure}, because the HTTP-POST binding arrives as a cross-site POST
 * from the eID-Server, which a {@code Lax} cookie would not accompany.
 */
public final class SessionCookie {

    public static final String NAME = "eid_session";

    private final boolean secure;
    private final Duration maxAge;

    public SessionCookie(boolean secure, Duration maxAge) {
        this.secure = secure;
        this.maxAge = maxAge;
    }

    public void write(HttpServletResponse response, String sessionId) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, sessionId)
                .path("/eid")
                .httpOnly(true)
                .secure(secure)
                .sameSite(secure ? "None" : "Lax")
                .maxAge(maxAge)
                .build().toString());
    }

    public void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, "")
                .path("/eid").httpOnly(true).secure(secure).sameSite(secure ? "None" : "Lax")
                .maxAge(Duration.ZERO).build().toString());
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> NAME.equals(cookie.getName()))
                .map(Cookie::getValue).filter(value -> !value.isEmpty()).findFirst();
    }
}
