package de.buergerkonto.authserver.token;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

import de.buergerkonto.trustlevel.LevelLifetimes;

/**
 * The tokens this server issues: access and ID tokens as JWTs signed with the shared keys,
 * refresh tokens as random values that rotate. Opaque access tokens are not offered.
 */
@Configuration(proxyBeanMethods = false)
class TokenGeneratorConfig {

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> signingKeys,
            CitizenTokenCustomizer customizer, LevelLifetimes lifetimes, Clock clock) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(signingKeys));
        jwt.setJwtCustomizer(customizer);
        jwt.setClock(clock);
        OAuth2RefreshTokenGenerator refresh = new OAuth2RefreshTokenGenerator();
        refresh.setClock(clock);
        return new DelegatingOAuth2TokenGenerator(new LevelLifetimeGuard(lifetimes, clock), jwt,
                new RotatingRefreshTokenGenerator(refresh, clock));
    }
}
