package de.buergerkonto.gateway.token;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.buergerkonto.gateway.testing.MutableClock;

class JwksCacheTest {

    private final WireMockServer issuer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private RSAKey first;
    private RSAKey second;
    private JwksCache cache;

    @BeforeEach
    void start() throws JOSEException {
        issuer.start();
        first = new RSAKeyGenerator(2048).keyID("first").generate();
        second = new RSAKeyGenerator(2048).keyID("second").generate();
        publish(first);
        cache = new JwksCache(WebClient.create(), URI.create(issuer.baseUrl() + "/oauth2/jwks"), Duration.ofMinutes(5),
                Duration.ofSeconds(10), clock);
    }

    @AfterEach
    void stop() {
        issuer.stop();
    }

    @Test
    void applyWhenKeyKnownThenServedFromMemory() {
        assertThat(keys("first")).extracting(JWK::getKeyID).containsExactly("first");
        assertThat(keys("first")).extracting(JWK::getKeyID).containsExactly("first");

        assertThat(reads()).isEqualTo(1);
    }

    @Test
    void applyWhenUnknownKidWithinMinIntervalThenNoSecondReadAndAfterItTheRotatedKey() {
        keys("first");
        publish(second);

        assertThat(keys("second")).isEmpty();
        assertThat(keys("made-up")).isEmpty();
        assertThat(reads()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        assertThat(keys("second")).extracting(JWK::getKeyID).containsExactly("second");
        assertThat(reads()).isEqualTo(2);
    }

    @Test
    void applyWhenSetOlderThanRefreshAfterThenReadAgainAndWithdrawnKeyForgotten() {
        keys("first");
        publish(second);

        clock.advance(Duration.ofMinutes(5));

        assertThat(keys("first")).isEmpty();
        assertThat(reads()).isEqualTo(2);
    }

    @Test
    void applyWhenRefreshFailsThenKnownKeysStayInUse() {
        keys("first");
        issuer.stubFor(get(urlPathEqualTo("/oauth2/jwks")).atPriority(1).willReturn(serverError()));

        clock.advance(Duration.ofMinutes(6));

        assertThat(keys("first")).extracting(JWK::getKeyID).containsExactly("first");
    }

    @Test
    void applyWhenIssuerUnreachableBeforeFirstReadThenUnavailable() {
        issuer.stubFor(get(urlPathEqualTo("/oauth2/jwks")).atPriority(1).willReturn(serverError()));

        assertThatThrownBy(() -> keys("first")).isInstanceOf(JwksUnavailableException.class);
    }

    private List<JWK> keys(String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                    new JWTClaimsSet.Builder().build());
            return cache.apply(jwt).collectList().block(Duration.ofSeconds(5));
        }
        catch (IllegalStateException blocked) {
            throw blocked.getCause() instanceof RuntimeException runtime ? runtime : blocked;
        }
    }

    private int reads() {
        return issuer.findAll(getRequestedFor(urlPathEqualTo("/oauth2/jwks"))).size();
    }

    private void publish(RSAKey key) {
        issuer.stubFor(get(urlPathEqualTo("/oauth2/jwks")).atPriority(5).willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
    }
}
