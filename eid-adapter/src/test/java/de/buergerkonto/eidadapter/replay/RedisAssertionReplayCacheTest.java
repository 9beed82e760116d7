package de.buergerkonto.eidadapter.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.buergerkonto.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Against a real Redis: SET NX PX is what makes one-time use hold across replicas. */
class RedisAssertionReplayCacheTest {

    private static final String ISSUER = "https://eid-server.example";

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(TestRedis.uri());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void firstUseWhenAssertionNewThenTrueAndWhenSeenAgainThenFalse() throws Exception {
        RedisAssertionReplayCache cache = new RedisAssertionReplayCache(connection);
        String assertionId = "_" + UUID.randomUUID();

        assertThat(cache.firstUse(ISSUER, assertionId, Duration.ofSeconds(60))).isTrue();
        assertThat(cache.firstUse(ISSUER, assertionId, Duration.ofSeconds(60))).isFalse();
    }

    @Test
    void firstUseWhenSameIdFromAnotherIssuerThenTrue() throws Exception {
        RedisAssertionReplayCache cache = new RedisAssertionReplayCache(connection);
        String assertionId = "_" + UUID.randomUUID();

        assertThat(cache.firstUse(ISSUER, assertionId, Duration.ofSeconds(60))).isTrue();
        assertThat(cache.firstUse("https://other.example", assertionId, Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void firstUseWhenRecordedThenKeptForTheGivenTimeUnderAHashedKey() throws Exception {
        RedisAssertionReplayCache cache = new RedisAssertionReplayCache(connection);
        String assertionId = "_" + UUID.randomUUID();

        cache.firstUse(ISSUER, assertionId, Duration.ofSeconds(90));

        String key = RedisAssertionReplayCache.key(ISSUER, assertionId);
        assertThat(key).startsWith("eid:assertion:").doesNotContain(assertionId);
        assertThat(connection.sync().pttl(key)).isBetween(80_000L, 90_000L);
    }

    @Test
    void firstUseWhenNothingLeftOfTheWindowThenStillRememberedBriefly() throws Exception {
        RedisAssertionReplayCache cache = new RedisAssertionReplayCache(connection);
        String assertionId = "_" + UUID.randomUUID();

        assertThat(cache.firstUse(ISSUER, assertionId, Duration.ZERO)).isTrue();
    }

    @Test
    void firstUseWhenConnectionLostThenUnavailableNotFirstUse() {
        StatefulRedisConnection<String, String> closed = client.connect();
        closed.close();
        RedisAssertionReplayCache cache = new RedisAssertionReplayCache(closed);

        assertThatExceptionOfType(ReplayCacheUnavailableException.class)
                .isThrownBy(() -> cache.firstUse(ISSUER, "_" + UUID.randomUUID(), Duration.ofSeconds(60)));
    }
}
