package de.buergerkonto.authserver.token;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.LevelLifetimes;

/**
 * Refuses a refresh once the login's trust level has outlived its maximum lifetime (BSI
 * TR-03160-1 as BundID applies it: high 30 min, substantial 2 h, basic and low 12 h): the tokens
 * would otherwise keep claiming a level the citizen no longer holds. The client must send the
 * citizen through the authorization endpoint again. First in the generator chain; it issues
 * nothing itself.
 */
final class LevelLifetimeGuard implements OAuth2TokenGenerator<OAuth2Token> {

    private final LevelLifetimes lifetimes;
    private final Clock clock;

    LevelLifetimeGuard(LevelLifetimes lifetimes, Clock clock) {
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @Override
    public OAuth2Token generate(OAuth2TokenContext context) {
        if (AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())
                && context.getPrincipal() instanceof CitizenAuthentication login) {
            Instant levelEnds = login.authTime().plus(lifetimes.of(login.level()).max());
            if (!clock.instant().isBefore(levelEnds)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The trust level of this login has expired; the citizen must log in again", null));
            }
        }
        return null;
    }
}
