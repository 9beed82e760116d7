package de.buergerkonto.authserver.authorization;

import java.util.function.Consumer;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * {@code redirect_uri} is required and must equal a registered one character for character
 * (RFC 9700, section 2.1). Spring's own check lets loopback URIs through on any port; this one
 * runs first. The error carries no redirect URI, so it is shown to the citizen, never sent to
 * the unverified address (RFC 6749, section 4.1.2.1).
 */
public final class ExactRedirectUriValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc9700#section-2.1";

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        String redirectUri = request.getRedirectUri();
        if (redirectUri != null && context.getRegisteredClient().getRedirectUris().contains(redirectUri)) {
            return;
        }
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                "OAuth 2.0 Parameter: " + OAuth2ParameterNames.REDIRECT_URI, ERROR_URI);
        OAuth2AuthorizationCodeRequestAuthenticationToken withoutRedirect = new OAuth2AuthorizationCodeRequestAuthenticationToken(
                request.getAuthorizationUri(), request.getClientId(), (Authentication) request.getPrincipal(), null,
                request.getState(), request.getScopes(), request.getAdditionalParameters());
        throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, withoutRedirect);
    }
}
