package de.buergerkonto.demoservices.shared;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

import de.buergerkonto.trustlevel.resourceserver.StepUpAccessDeniedHandler;
import de.buergerkonto.trustlevel.resourceserver.TrustLevel;

/**
 * Defence in depth behind the gateway, in this order: the gateway assertion for this route
 * ({@link GatewayAssertionFilter}, else 403), the access token (offline against the auth-server's
 * JWKS: RS256, {@code typ} at+jwt, issuer, audience, {@code exp}; else 401 {@code invalid_token}),
 * the assertion made for this token ({@link AssertionMatchesToken}, else 403), and the service's
 * trust level with the trust-level library (else 401 with the RFC 9470 challenge).
 */
@Configuration(proxyBeanMethods = false)
class DemoServiceSecurityConfig {

    private static final Duration KEYS_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    GatewayAssertionVerifier gatewayAssertionVerifier(DemoServiceProperties properties, Clock clock) {
        return GatewayAssertionVerifier.of(properties, clock);
    }

    @Bean
    GatewayRefusal gatewayRefusal(DemoServiceProperties properties, ITemplateEngine templates, LocaleResolver localeResolver) {
        return new GatewayRefusal(properties.prefix(), templates, localeResolver);
    }

    /** Health for orchestrators, reachable without the gateway: it carries no personal data. */
    @Bean
    @Order(1)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain service(HttpSecurity http, DemoServiceProperties properties, GatewayAssertionVerifier verifier,
            GatewayRefusal refusal) throws Exception {
        return http
                .addFilterBefore(new GatewayAssertionFilter(verifier, refusal), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().access(AuthorizationManagers.allOf(
                        new AssertionMatchesToken(), TrustLevel.atLeast(properties.level()))))
                .oauth2ResourceServer(rs -> rs.jwt(withDefaults()).accessDeniedHandler(new StepUpAccessDeniedHandler(refusal)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // requests authenticate with a bearer token only, never a cookie, so a forged cross-site form
                // carries no credential; the gateway guards its own session cookie
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * The auth-server's access tokens (docs/integration-guide.md, section 3): RS256 only, {@code typ}
     * at+jwt (an ID token does not pass), the issuer, an accepted audience, {@code exp} and {@code sub} present.
     */
    @Bean
    JwtDecoder jwtDecoder(DemoServiceProperties properties, Clock clock) {
        // bounded like the gateway's keys: without timeouts a hanging auth-server would hold every request
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(KEYS_TIMEOUT);
        requests.setReadTimeout(KEYS_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256).restOperations(new RestTemplate(requests)).build();
        List<String> audiences = properties.audiences();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(
                timestamps,
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtIssuerValidator(properties.issuer().toString()),
                new JwtTypeValidator("at+jwt"),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
        return decoder;
    }
}
