package de.buergerkonto.authserver.eid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import de.buergerkonto.authserver.testing.TestRedisTemplate;
import de.buergerkonto.eidhandover.JtiStoreUnavailableException;

/** The handover token ids in Redis: each accepted once, kept until the token could no longer pass, Redis down refuses. */
class RedisJtiStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void firstUseWhenSameJtiTwiceThenOnlyTheFirstAndKeyExpiresWithTheToken() throws Exception {
        StringRedisTemplate redis = TestRedisTemplate.get();
        RedisJtiStore store = new RedisJtiStore(redis, clock);
        String jti = UUID.randomUUID().toString();

        assertThat(store.firstUse(jti, NOW.plusSeconds(90))).isTrue();
        assertThat(store.firstUse(jti, NOW.plusSeconds(90))).isFalse();

        String key = RedisJtiStore.key(jti);
        assertThat(key).doesNotContain(jti);
        assertThat(redis.getExpire(key)).isBetween(85L, 90L);
    }

    @Test
    void firstUseWhenRedisUnreachableThenUnavailableNotAccepted() throws Exception {
        RedisStandaloneConfiguration nowhere = new RedisStandaloneConfiguration("127.0.0.1", freePort());
        LettuceConnectionFactory connections = new LettuceConnectionFactory(nowhere,
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        connections.afterPropertiesSet();
        connections.start();
        try {
            RedisJtiStore store = new RedisJtiStore(new StringRedisTemplate(connections), clock);

            assertThat(catchThrowableOfType(JtiStoreUnavailableException.class,
                    () -> store.firstUse("jti", NOW.plusSeconds(90)))).isNotNull();
        } finally {
            connections.destroy();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
