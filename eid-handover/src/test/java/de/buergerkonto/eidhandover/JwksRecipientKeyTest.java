package de.buergerkonto.eidhandover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The one call the adapter makes to another server: fetching the auth-server's JWKS for the
 * handover encryption key (the eID-Server is only ever reached through the browser and the
 * eID-Client). WireMock plays the auth-server: a slow or absent one fails the handover closed,
 * within the timeout.
 */
class JwksRecipientKeyTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void currentWhenJwksHoldsAnEncryptionKeyThenThatKey() throws Exception {
        RSAKey key = encryptionKey();
        server.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(key).toString())));

        assertThat(recipient().current().getKeyID()).isEqualTo(key.getKeyID());
    }

    @Test
    void currentWhenJwksSlowerThanTheTimeoutThenUnavailableWithinTheTimeout() {
        server.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withFixedDelay(2_000).withBody("{\"keys\":[]}")));

        long started = System.nanoTime();
        HandoverKeyUnavailableException refused = catchThrowableOfType(HandoverKeyUnavailableException.class,
                () -> recipient().current());

        assertThat(refused).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void currentWhenAuthServerUnreachableThenUnavailable() {
        URI gone = URI.create(server.baseUrl() + "/jwks");
        server.stop();

        assertThat(catchThrowableOfType(HandoverKeyUnavailableException.class,
                () -> new JwksRecipientKey(gone, TIMEOUT).current())).isNotNull();
    }

    @Test
    void currentWhenJwksHasOnlyASigningKeyThenUnavailable() throws Exception {
        RSAKey signing = new RSAKey.Builder(encryptionKey()).keyUse(KeyUse.SIGNATURE).build();
        server.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(signing).toString())));

        assertThat(catchThrowableOfType(HandoverKeyUnavailableException.class, () -> recipient().current())).isNotNull();
    }

    @Test
    void currentWhenJwksAnswersAnErrorThenUnavailable() {
        server.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withStatus(503)));

        assertThat(catchThrowableOfType(HandoverKeyUnavailableException.class, () -> recipient().current())).isNotNull();
    }

    private JwksRecipientKey recipient() {
        return new JwksRecipientKey(URI.create(server.baseUrl() + "/jwks"), TIMEOUT);
    }

    private static RSAKey encryptionKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new RSAKey.Builder((RSAPublicKey) generator.generateKeyPair().getPublic())
                .keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint().build();
    }
}
