package de.buergerkonto.gateway.token;

import java.net.URI;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import de.buergerkonto.gateway.GatewayProperties;

/**
 * Offline validation of the auth-server's access tokens (RFC 9068): RS256 signatures with a key of
 * the issuer's JWKS ({@link JwksCache}), {@code iss} equal to the configured issuer, {@code exp}
 * present and not passed and {@code nbf} reached (with {@code clock-skew}), a {@code sub}, and
 * {@code typ} {@code at+jwt}.
 *
 * <p>Only {@code at+jwt} (RFC 9068, section 2.1, also as {@code application/at+jwt}): the auth-server
 * issues no other access tokens, and accepting {@code JWT} would let an ID token, whose audience is
 * the client, pass as an access token. {@code alg: none} and HMAC tokens never match the RS256 key
 * selector. The audience is checked per route ({@code RoutePolicy}). A token verified once skips the
 * signature check on its next requests ({@link CachingAccessTokenDecoder}); its claims are checked every time.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfiguration {

    static final String JWKS_PATH = "/oauth2/jwks";

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(GatewayProperties properties, Clock clock) {
        URI issuer = properties.issuer();
        JwksCache keys = new JwksCache(WebClient.create(), URI.create(stripTrailingSlash(issuer.toString()) + JWKS_PATH),
                properties.jwks().refreshAfter(), properties.jwks().minRefetchInterval(), clock);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(issuer.toString()),
                new JwtTypeValidator("at+jwt", "application/at+jwt"),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
        decoder.setJwtValidator(validator);
        return new CachingAccessTokenDecoder(decoder, validator, keys, properties.jwks().refreshAfter());
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
