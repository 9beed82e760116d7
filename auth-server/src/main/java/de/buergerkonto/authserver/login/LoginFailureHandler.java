package de.buergerkonto.authserver.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a failed login back to the login page with the reason to show. A wrong password and an
 * unknown email are one reason; "not verified" and "locked" only come after the right password.
 * When a store behind the login fails, the login fails closed with the error page for 503.
 */
public final class LoginFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof InternalAuthenticationServiceException
                || exception instanceof AuthenticationServiceException) {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return;
        }
        LoginEmail.keep(request, request.getParameter(LoginController.EMAIL_PARAMETER));
        UriComponentsBuilder target = UriComponentsBuilder.fromPath("/login");
        if (exception instanceof LoginThrottledException throttled) {
            target.queryParam("error", LoginError.THROTTLED.parameter())
                    .queryParam("minutes", LoginThrottle.wholeMinutes(throttled.retryAfter()));
        } else if (exception instanceof DisabledException) {
            target.queryParam("error", LoginError.UNVERIFIED.parameter());
        } else if (exception instanceof LockedException) {
            target.queryParam("error", LoginError.LOCKED.parameter());
        } else {
            target.queryParam("error", LoginError.CREDENTIALS.parameter());
        }
        redirect.sendRedirect(request, response, target.build().toUriString());
    }
}
