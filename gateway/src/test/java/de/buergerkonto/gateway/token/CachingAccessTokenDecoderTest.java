package de.buergerkonto.gateway.token;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.testing.MutableClock;
import de.buergerkonto.gateway.testing.TestIssuer;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The verified-token cache never accepts what the full check would refuse: expired tokens (at both
 * edges of the clock skew), another issuer's, a tampered signature, keys the issuer withdrew.
 */
class CachingAccessTokenDecoderTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(5);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(10);

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private TestIssuer issuer;

    @BeforeEach
    void start() {
        server.start();
        issuer = new TestIssuer(server, clock);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void decodeWhenSameTokenAgainThenSignatureNotVerifiedAgain() {
        AtomicInteger verifications = new AtomicInteger();
        ReactiveJwtDecoder decoder = countingDecoder(verifications);
        // the first token read the keys; a token verified before any keys were known is not remembered
        decoder.decode(issuer.citizen(AssuranceLevel.BASIC)).block();
        String token = issuer.citizen(AssuranceLevel.BASIC);

        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void decodeWhenTokenRefusedThenNotRemembered() {
        AtomicInteger verifications = new AtomicInteger();
        ReactiveJwtDecoder decoder = countingDecoder(verifications);
        String unknownKey = issuer.signedByUnknownKey();

        assertThatThrownBy(() -> decoder.decode(unknownKey).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(unknownKey).block()).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void decodeWhenCachedTokenExpiresThenRefusedAtTheSkewsEdge() {
        ReactiveJwtDecoder decoder = configuredDecoder();
        String token = issuer.token(claims -> claims.expirationTime(Date.from(clock.instant().plusSeconds(60))));
        decoder.decode(token).block();

        clock.advance(Duration.ofSeconds(60).plus(SKEW));
        assertThat(decoder.decode(token).block()).isNotNull();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void decodeWhenTokenNotYetValidThenRefusedEvenThoughItsTwinIsCached() {
        ReactiveJwtDecoder decoder = configuredDecoder();
        decoder.decode(issuer.citizen(AssuranceLevel.BASIC)).block();
        String early = issuer.token(claims -> claims.notBeforeTime(Date.from(clock.instant().plus(Duration.ofMinutes(2)))));

        assertThatThrownBy(() -> decoder.decode(early).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(early).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void decodeWhenAnotherIssuersTokenUnderTheSameKeyThenRefused() {
        ReactiveJwtDecoder decoder = configuredDecoder();
        String ours = issuer.citizen(AssuranceLevel.BASIC);
        decoder.decode(ours).block();
        String theirs = issuer.token(claims -> claims.issuer("https://impostor.example"));

        assertThatThrownBy(() -> decoder.decode(theirs).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(theirs).block()).isInstanceOf(JwtException.class);
        assertThat(decoder.decode(ours).block()).isNotNull();
    }

    @Test
    void decodeWhenSignatureOfCachedTokenTamperedThenRefused() {
        ReactiveJwtDecoder decoder = configuredDecoder();
        String token = issuer.citizen(AssuranceLevel.BASIC);
        decoder.decode(token).block();
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThatThrownBy(() -> decoder.decode(tampered).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void decodeWhenIssuerWithdrewTheKeyThenCachedTokenRefusedOnceTheKeysAreReadAgain() {
        ReactiveJwtDecoder decoder = configuredDecoder();
        String token = issuer.citizen(AssuranceLevel.BASIC);
        decoder.decode(token).block();
        issuer.rotate();

        // as without the cache: the keys read stay in use until refresh-after
        clock.advance(REFRESH_AFTER.minusSeconds(1));
        assertThat(decoder.decode(token).block()).isNotNull();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void decodeWhenAnotherTokenMadeTheKeysBeReadAgainThenCachedTokensOfTheOldKeyRefused() {
        ReactiveJwtDecoder decoder = configuredDecoder();
        String old = issuer.citizen(AssuranceLevel.BASIC);
        decoder.decode(old).block();
        issuer.rotate();
        clock.advance(MIN_REFETCH);

        // unknown kid: the JWKS is read again at once, and now holds only the new key
        assertThat(decoder.decode(issuer.citizen(AssuranceLevel.BASIC)).block()).isNotNull();

        assertThatThrownBy(() -> decoder.decode(old).block()).isInstanceOf(JwtException.class);
    }

    private ReactiveJwtDecoder configuredDecoder() {
        GatewayProperties properties = new GatewayProperties(URI.create(issuer.issuer()), SKEW,
                new GatewayProperties.Jwks(REFRESH_AFTER, MIN_REFETCH), List.of(), DataSize.ofMegabytes(1),
                new GatewayProperties.RateLimits(new GatewayProperties.RateLimit(600, Duration.ofMinutes(1)),
                        new GatewayProperties.RateLimit(1200, Duration.ofMinutes(1))),
                // browser mode, assertion and admin API: not read by the decoder
                null, null, null);
        ReactiveJwtDecoder decoder = new AccessTokenDecoderConfiguration().accessTokenDecoder(properties, clock);
        // keys read: from now on every token that passes is remembered
        decoder.decode(issuer.citizen(AssuranceLevel.BASIC)).block();
        return decoder;
    }

    /** The signature check of {@link NimbusReactiveJwtDecoder}, counted, behind the cache. */
    private ReactiveJwtDecoder countingDecoder(AtomicInteger verifications) {
        JwksCache keys = new JwksCache(WebClient.create(), URI.create(issuer.issuer() + "/oauth2/jwks"), REFRESH_AFTER,
                MIN_REFETCH, clock);
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(SKEW);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        ReactiveJwtDecoder counted = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        return new CachingAccessTokenDecoder(counted, timestamps, keys, REFRESH_AFTER);
    }
}
