package de.buergerkonto.authserver.stepup;

import java.io.Serial;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * The citizen's login is older than the request's {@code max_age}: OpenID Connect Core 1.0,
 * section 3.1.2.1, demands an active re-authentication. Never sent to a client;
 * {@code authorization.AuthorizationEndpointErrorHandler} ends the login, keeps the request and
 * shows the login page.
 */
public final class ReauthenticationRequiredException extends OAuth2AuthorizationCodeRequestAuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    ReauthenticationRequiredException(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        super(new OAuth2Error("reauthentication_required", "The login is older than max_age", null), request);
    }
}
