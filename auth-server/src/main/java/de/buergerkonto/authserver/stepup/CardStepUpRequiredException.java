package de.buergerkonto.authserver.stepup;

import java.io.Serial;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * The citizen's session is below what the authorization request needs, and the ID card linked to
 * the account reaches it: the request is kept and the citizen sent to present the card. Never
 * sent to a client; {@code authorization.AuthorizationEndpointErrorHandler} turns it into the
 * redirect to {@code /login/eid/step-up}, like {@link StepUpRequiredException} for a second factor.
 */
public final class CardStepUpRequiredException extends OAuth2AuthorizationCodeRequestAuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    CardStepUpRequiredException(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        super(new OAuth2Error("card_step_up_required", "The ID card is needed for this service", null), request);
    }
}
