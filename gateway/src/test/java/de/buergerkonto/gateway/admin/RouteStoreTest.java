package de.buergerkonto.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.unit.DataSize;

import com.nimbusds.jose.util.JSONObjectUtils;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.GatewayProperties.ServiceRoute;
import de.buergerkonto.testsupport.TestRedis;
import de.buergerkonto.trustlevel.AssuranceLevel;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A route change, its version and its audit entry are one step in a real Redis: with several
 * admins changing one route at once, every change is audited once, each entry's {@code before} is
 * the previous entry's {@code after}, and the version counts every change.
 */
class RouteStoreTest {

    private final String prefix = "route-store-" + UUID.randomUUID();
    private LettuceConnectionFactory connections;
    private ReactiveStringRedisTemplate redis;
    private RouteStore store;

    @BeforeEach
    void connect() {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(TestRedis.uri().getHost(), TestRedis.uri().getPort());
        server.setDatabase(TestRedis.uri().getDatabase());
        connections = new LettuceConnectionFactory(server);
        connections.afterPropertiesSet();
        GatewayProperties properties = new GatewayProperties(URI.create("http://localhost:9000"), Duration.ofSeconds(30),
                null, List.of(), DataSize.ofMegabytes(1), null, null, null,
                // a key prefix of its own: the route keys of other tests in this database stay apart
                new GatewayProperties.Admin("gateway.admin", prefix, Duration.ofSeconds(2), Duration.ofSeconds(10)));
        redis = new ReactiveStringRedisTemplate(connections);
        store = new RouteStore(redis,
                Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC(), properties);
    }

    @AfterEach
    void close() {
        connections.destroy();
    }

    @Test
    void changesWhenMadeConcurrentlyThenEachAuditedOnceAsAChain() throws ParseException {
        int changes = 24;
        store.put(route("/abfall-0"), "admin-0").block();

        List<Boolean> done = Flux.range(1, changes).parallel(8).runOn(Schedulers.boundedElastic())
                .flatMap(change -> store.put(route("/abfall-" + change), "admin-" + change).thenReturn(true))
                .sequential().collectList().block(Duration.ofSeconds(30));

        assertThat(done).hasSize(changes);
        List<Map<String, Object>> audit = new ArrayList<>();
        for (String entry : store.audit(changes + 10).collectList().block()) {
            audit.add(JSONObjectUtils.parse(entry));
        }
        assertThat(audit).hasSize(changes + 1);
        assertThat(audit.get(changes)).containsEntry("action", "create");
        for (int newer = 0; newer < changes; newer++) {
            Map<String, Object> entry = audit.get(newer);
            assertThat(entry).containsEntry("action", "update");
            assertThat(entry.get("before")).as("entry %d starts where the one before it ended", newer)
                    .isEqualTo(audit.get(newer + 1).get("after"));
        }
        assertThat(audit.stream().map(entry -> entry.get("who")).distinct()).hasSize(changes + 1);
        assertThat(store.version().block()).isEqualTo(changes + 1);
        assertThat(store.find("abfall").block().path()).isEqualTo(((Map<?, ?>) audit.get(0).get("after")).get("path"));
    }

    @Test
    void deleteWhenRouteAbsentThenFalseAndNothingAudited() {
        assertThat(store.delete("abfall", "admin").block()).isFalse();

        assertThat(store.audit(10).collectList().block()).isEmpty();
        assertThat(store.version().block()).isZero();
    }

    @Test
    void deleteWhenStoredRouteIsNotJsonThenAuditedWithTheValueAsString() throws ParseException {
        redis.opsForHash().put("{" + prefix + "}:routes", "abfall", "hand-edited, not JSON").block();

        assertThat(store.delete("abfall", "admin").block()).isTrue();

        Map<String, Object> entry = JSONObjectUtils.parse(store.audit(1).blockFirst());
        assertThat(entry).containsEntry("action", "delete").containsEntry("route", "abfall").containsEntry("who", "admin")
                .containsEntry("before", "hand-edited, not JSON").containsEntry("after", null);
        assertThat(store.find("abfall").block()).isNull();
    }

    private static ServiceRoute route(String path) {
        return new ServiceRoute("abfall", path, null, URI.create("http://127.0.0.1:8084"), AssuranceLevel.BASIC,
                List.of(), null, List.of("demo-cli"), List.of());
    }
}
