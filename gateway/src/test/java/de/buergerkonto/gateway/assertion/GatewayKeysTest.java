package de.buergerkonto.gateway.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.unit.DataSize;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.testing.MutableClock;
import de.buergerkonto.testsupport.TestRedis;

/**
 * The assertion keys two gateway instances share in a real Redis, on a moved clock: one key for
 * both, a new one once the current is older than the rotation period (made once, whichever
 * instance notices first), and the previous one still published, so that an assertion signed just
 * before the rotation still verifies.
 */
class GatewayKeysTest {

    private static final Duration ROTATION = Duration.ofDays(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final String prefix = "assertion-keys-" + UUID.randomUUID();
    private LettuceConnectionFactory connections;
    private GatewayKeys first;
    private GatewayKeys second;

    @BeforeEach
    void connect() {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(TestRedis.uri().getHost(), TestRedis.uri().getPort());
        server.setDatabase(TestRedis.uri().getDatabase());
        connections = new LettuceConnectionFactory(server);
        connections.afterPropertiesSet();
        first = keys();
        second = keys();
    }

    @AfterEach
    void close() {
        connections.destroy();
    }

    @Test
    void signingKeyWhenTwoInstancesStartThenBothUseOneKeyAndPublishIt() {
        ECKey key = first.signingKey().block();

        assertThat(second.signingKey().block().getKeyID()).isEqualTo(key.getKeyID());
        JWKSet published = second.publicKeys().block();
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(key.getKeyID());
        assertThat(published.getKeys()).allSatisfy(jwk -> assertThat(jwk.isPrivate()).isFalse());
    }

    @Test
    void signingKeyWhenOlderThanRotationThenOneNewKeyForBothAndThePreviousStillVerifies() throws Exception {
        ECKey old = first.signingKey().block();
        second.signingKey().block();
        String signedBefore = new AssertionSigner(old).sign(new JWTClaimsSet.Builder().subject("s").build());

        clock.advance(ROTATION.minusSeconds(1));
        assertThat(first.signingKey().block().getKeyID()).as("a second before the rotation").isEqualTo(old.getKeyID());
        clock.advance(Duration.ofSeconds(1));
        ECKey rotatedBySecond = second.signingKey().block();
        ECKey seenByFirst = first.signingKey().block();

        assertThat(rotatedBySecond.getKeyID()).isNotEqualTo(old.getKeyID());
        assertThat(seenByFirst.getKeyID()).as("one rotation, whichever instance noticed").isEqualTo(rotatedBySecond.getKeyID());
        JWKSet published = first.publicKeys().block();
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(rotatedBySecond.getKeyID(), old.getKeyID());
        SignedJWT before = SignedJWT.parse(signedBefore);
        ECKey verifying = (ECKey) published.getKeyByKeyId(before.getHeader().getKeyID());
        assertThat(before.verify(new ECDSAVerifier(verifying))).isTrue();
    }

    @Test
    void signingKeyWhenRotatedByAnotherInstanceThenTheOthersTakeItsKey() {
        ECKey old = first.signingKey().block();
        clock.advance(ROTATION);
        ECKey rotated = second.signingKey().block();
        // the other instance's key was made a month ago in this clock, so it rotated and was not read from memory
        assertThat(first.signingKey().block().getKeyID()).isEqualTo(rotated.getKeyID()).isNotEqualTo(old.getKeyID());

        GatewayKeys third = keys();
        assertThat(third.signingKey().block().getKeyID()).isEqualTo(rotated.getKeyID());
        // a later rotation through 'third' reaches 'first' and its JWKS
        first.signingKey().block();
        clock.advance(ROTATION);
        ECKey next = third.signingKey().block();
        assertThat(next.getKeyID()).isNotEqualTo(rotated.getKeyID());
        assertThat(first.publicKeys().block().getKeys()).extracting(JWK::getKeyID).containsExactly(next.getKeyID(), rotated.getKeyID());
    }

    private GatewayKeys keys() {
        GatewayProperties properties = new GatewayProperties(URI.create("http://localhost:9000"), Duration.ofSeconds(30),
                null, List.of(), DataSize.ofMegabytes(1), null, null,
                new GatewayProperties.Assertion(URI.create("http://localhost:8080"), Duration.ofSeconds(60),
                        Duration.ofSeconds(60), ROTATION),
                // a key prefix of its own: other tests' keys in this database stay apart
                new GatewayProperties.Admin("gateway.admin", prefix, Duration.ofSeconds(2), Duration.ofSeconds(10)));
        return new GatewayKeys(new ReactiveStringRedisTemplate(connections), properties, clock);
    }
}
