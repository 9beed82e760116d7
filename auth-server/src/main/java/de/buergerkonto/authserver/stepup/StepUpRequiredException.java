package de.buergerkonto.authserver.stepup;

import java.io.Serial;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * The citizen's session is below what the authorization request needs, and a second factor the
 * account has can close the gap: the request is kept and the citizen asked for the factor. Never
 * sent to a client; {@code authorization.AuthorizationEndpointErrorHandler} turns it into the
 * redirect to the second-factor page.
 */
public final class StepUpRequiredException extends OAuth2AuthorizationCodeRequestAuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    StepUpRequiredException(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        super(new OAuth2Error("step_up_required", "A second factor is needed for this service", null), request);
    }
}
