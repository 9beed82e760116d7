package de.buergerkonto.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.unit.DataSize;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.testing.MutableClock;
import de.buergerkonto.testsupport.TestRedis;

/**
 * When an instance's copy of the route policies counts as confirmed ({@link RouteTable#isFresh()},
 * which {@link PolicyFreshnessFilter} turns into 503): from a successful read of Redis until
 * {@code max-staleness} later, and never after a read that failed. A moved clock, a real Redis.
 */
class RouteTableFreshnessTest {

    private static final Duration MAX_STALENESS = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private LettuceConnectionFactory connections;

    @AfterEach
    void close() {
        if (connections != null) {
            connections.destroy();
        }
    }

    @Test
    void isFreshWhenReadFromRedisThenUntilMaxStalenessInclusiveAndNotAMillisecondLonger() {
        RouteTable table = table(TestRedis.uri().getHost(), TestRedis.uri().getPort(), TestRedis.uri().getDatabase());
        assertThat(table.isFresh()).as("before the first read").isFalse();

        table.sync().block();
        assertThat(table.isFresh()).isTrue();

        clock.advance(MAX_STALENESS);
        assertThat(table.isFresh()).as("exactly max-staleness after the read").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(table.isFresh()).isFalse();

        table.sync().block();
        assertThat(table.isFresh()).as("confirmed again by the next read").isTrue();
    }

    @Test
    void isFreshWhenRedisDoesNotAnswerThenNeverConfirmed() {
        RouteTable table = table("127.0.0.1", unusedPort(), 0);

        table.sync().block(Duration.ofSeconds(10));

        assertThat(table.isFresh()).isFalse();
    }

    private RouteTable table(String host, int port, int database) {
        RedisStandaloneConfiguration redis = new RedisStandaloneConfiguration(host, port);
        redis.setDatabase(database);
        connections = new LettuceConnectionFactory(redis);
        connections.afterPropertiesSet();
        GatewayProperties properties = new GatewayProperties(URI.create("http://localhost:9000"), Duration.ofSeconds(30),
                null, List.of(), DataSize.ofMegabytes(1), null, null, null,
                // a key prefix of its own: the route keys of other tests in this database stay apart
                new GatewayProperties.Admin("gateway.admin", "freshness-" + UUID.randomUUID(), Duration.ofSeconds(2),
                        MAX_STALENESS));
        RouteStore store = new RouteStore(new ReactiveStringRedisTemplate(connections),
                Validation.buildDefaultValidatorFactory().getValidator(), clock, properties);
        return new RouteTable(store, event -> { }, connections, properties, clock);
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
