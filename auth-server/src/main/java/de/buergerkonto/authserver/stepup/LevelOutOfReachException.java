package de.buergerkonto.authserver.stepup;

import java.io.Serial;
import java.io.Serializable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * An essential level the citizen's account cannot reach now. The client will receive
 * {@code unmet_authentication_requirements}; before that, the citizen sees a page that says
 * what the account lacks and how to set it up ({@link LevelOutOfReachController}).
 */
public final class LevelOutOfReachException extends OAuth2AuthorizationCodeRequestAuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final LevelGap gap;

    LevelOutOfReachException(OAuth2AuthorizationCodeRequestAuthenticationToken request, LevelGap gap) {
        super(new OAuth2Error(StepUpRequirementValidator.UNMET_AUTHENTICATION_REQUIREMENTS,
                "This account cannot reach the requested level of assurance", null), request);
        this.gap = gap;
    }

    public LevelGap gap() {
        return gap;
    }

    /**
     * What the account lacks for a level.
     *
     * @param needed             the level the service needs
     * @param identityUnproven   the identity is not proven well enough (only the ID card helps)
     * @param secondFactorMissing a second factor would be needed and none is set up
     */
    public record LevelGap(AssuranceLevel needed, boolean identityUnproven, boolean secondFactorMissing)
            implements Serializable {
    }
}
