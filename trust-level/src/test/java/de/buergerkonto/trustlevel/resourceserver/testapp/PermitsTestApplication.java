package de.buergerkonto.trustlevel.resourceserver.testapp;

import static de.buergerkonto.trustlevel.AssuranceLevel.HIGH;
import static de.buergerkonto.trustlevel.AssuranceLevel.LOW;
import static de.buergerkonto.trustlevel.AssuranceLevel.SUBSTANTIAL;
import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.JOSEException;

import de.buergerkonto.trustlevel.resourceserver.AssuranceAuthorizationManager;
import de.buergerkonto.trustlevel.resourceserver.StepUpAccessDeniedHandler;
import de.buergerkonto.trustlevel.resourceserver.TrustLevel;

/**
 * A resource server as a city service would write it after docs/integration-guide.md: city news
 * at low, parking permits at substantial within 15 minutes, e-payment at high with scope
 * {@code payments}, a profile at substantial through method security, the account page for any
 * valid token. Tokens come from {@link TestTokens}; the clock is fixed, so ages are exact.
 */
@SpringBootApplication
@EnableMethodSecurity
public class PermitsTestApplication {

    static final String ISSUER = "http://localhost:9000";
    static final String AUDIENCE = "parking-permits";
    static final Duration PERMITS_MAX_AGE = Duration.ofMinutes(15);

    @Bean
    Clock clock() {
        return Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    @Bean
    TestTokens testTokens(Clock clock) throws JOSEException {
        return new TestTokens(clock);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Clock clock) throws Exception {
        // the scope first: a token without it is 403 insufficient_scope, whatever its level
        AuthorizationManager<Object> payments = AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasAuthority("SCOPE_payments"), TrustLevel.atLeast(HIGH).withClock(clock));
        return http
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/news/**").access(TrustLevel.atLeast(LOW))
                        .requestMatchers("/permits/**").access(
                                TrustLevel.atLeast(SUBSTANTIAL).authenticatedWithin(PERMITS_MAX_AGE).withClock(clock))
                        .requestMatchers("/payments/**").access(payments)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(withDefaults()).accessDeniedHandler(new StepUpAccessDeniedHandler()))
                .build();
    }

    /** For {@code @PreAuthorize("@substantialLevel")}: an expression that yields a manager is applied as it is. */
    @Bean
    AssuranceAuthorizationManager substantialLevel(Clock clock) {
        return TrustLevel.atLeast(SUBSTANTIAL).withClock(clock);
    }

    /** As the integration guide has it, with the key in place of the JWKS URI: RS256 only, typ at+jwt, issuer, audience. */
    @Bean
    JwtDecoder jwtDecoder(TestTokens tokens) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(tokens.publicKey()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(AUDIENCE));
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(ISSUER), new JwtTypeValidator("at+jwt"), audience));
        return decoder;
    }
}
