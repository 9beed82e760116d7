package de.buergerkonto.gateway.admin;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.util.JSONObjectUtils;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.GatewayProperties.ServiceRoute;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service routes in Redis, shared by every gateway instance (docs/redis-keys.md):
 * <ul>
 * <li>{@code <prefix>:routes}: hash, route id -> the route as JSON ({@link RouteJson});</li>
 * <li>{@code <prefix>:routes:version}: a counter raised by every change;</li>
 * <li>{@code <prefix>:routes:changed}: the channel every change is announced on;</li>
 * <li>{@code <prefix>:routes:seeded}: set once the configured routes were stored as the initial state;</li>
 * <li>{@code <prefix>:audit}: list, newest first, of every change: who, what, before, after, when.</li>
 * </ul>
 * Routes that fail validation when read (a hand-edited hash) are left out and logged: fail closed.
 */
@Component
public class RouteStore {

    private static final Log log = LogFactory.getLog(RouteStore.class);
    private static final Log audit = LogFactory.getLog("de.buergerkonto.gateway.audit");
    static final Duration REDIS_DEADLINE = Duration.ofSeconds(2);

    /** The routes and the version they belong to. */
    public record Snapshot(long version, List<ServiceRoute> routes) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final Validator validator;
    private final Clock clock;
    private final String routesKey;
    private final String versionKey;
    private final String seededKey;
    private final String auditKey;
    final String channel;

    public RouteStore(ReactiveStringRedisTemplate redis, Validator validator, Clock clock, GatewayProperties properties) {
        this.redis = redis;
        this.validator = validator;
        this.clock = clock;
        String prefix = properties.admin().keyPrefix();
        this.routesKey = prefix + ":routes";
        this.versionKey = prefix + ":routes:version";
        this.seededKey = prefix + ":routes:seeded";
        this.auditKey = prefix + ":audit";
        this.channel = prefix + ":routes:changed";
    }

    /** Stores {@code configured} unless some instance already did: configuration is the initial state only. */
    public Mono<Void> seed(List<ServiceRoute> configured) {
        return redis.opsForValue().setIfAbsent(seededKey, clock.instant().toString())
                .flatMap(first -> !first || configured.isEmpty() ? Mono.<Void>empty()
                        : Flux.fromIterable(configured)
                                .concatMap(route -> redis.opsForHash().put(routesKey, route.id(), JSONObjectUtils.toJSONString(RouteJson.write(route))))
                                .then(redis.opsForValue().increment(versionKey)).then())
                .timeout(REDIS_DEADLINE);
    }

    public Mono<Long> version() {
        return redis.opsForValue().get(versionKey).map(Long::parseLong).defaultIfEmpty(0L).timeout(REDIS_DEADLINE);
    }

    public Mono<Snapshot> load() {
        return version().flatMap(version -> redis.<String, String>opsForHash().entries(routesKey)
                .collectList()
                .map(entries -> {
                    List<ServiceRoute> routes = new ArrayList<>();
                    entries.stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> parse(entry.getValue())
                            .ifPresentOrElse(routes::add, () -> log.error("Route " + entry.getKey() + " in Redis is invalid and denies")));
                    routes.sort(Comparator.comparing(ServiceRoute::path).reversed());
                    return new Snapshot(version, List.copyOf(routes));
                }))
                .timeout(REDIS_DEADLINE);
    }

    public Mono<ServiceRoute> find(String id) {
        return redis.<String, String>opsForHash().get(routesKey, id).flatMap(json -> Mono.justOrEmpty(parse(json)))
                .timeout(REDIS_DEADLINE);
    }

    /** Creates or replaces {@code route}; audited as {@code who}. */
    public Mono<Void> put(ServiceRoute route, String who) {
        String after = JSONObjectUtils.toJSONString(RouteJson.write(route));
        return redis.<String, String>opsForHash().get(routesKey, route.id()).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(before -> redis.opsForHash().put(routesKey, route.id(), after)
                        .then(changed(before.isPresent() ? "update" : "create", route.id(), who, before.orElse(null), after)));
    }

    /** Deletes the route {@code id}; empty when there was none. */
    public Mono<Boolean> delete(String id, String who) {
        return redis.<String, String>opsForHash().get(routesKey, id)
                .flatMap(before -> redis.opsForHash().remove(routesKey, id)
                        .then(changed("delete", id, who, before, null)).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** The newest {@code count} audit entries, as stored. */
    public Flux<String> audit(long count) {
        return redis.opsForList().range(auditKey, 0, count - 1);
    }

    private Mono<Void> changed(String action, String id, String who, String before, String after) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", clock.instant().toString());
        entry.put("who", who);
        entry.put("action", action);
        entry.put("route", id);
        entry.put("before", before == null ? null : parseObject(before));
        entry.put("after", after == null ? null : parseObject(after));
        String json = JSONObjectUtils.toJSONString(entry);
        audit.info("Route change " + json);
        return redis.opsForValue().increment(versionKey)
                .flatMap(version -> redis.opsForList().leftPush(auditKey, json)
                        .then(redis.convertAndSend(channel, Long.toString(version))))
                .timeout(REDIS_DEADLINE).then();
    }

    private java.util.Optional<ServiceRoute> parse(String json) {
        try {
            return java.util.Optional.ofNullable(RouteJson.read(JSONObjectUtils.parse(json), validator).route());
        }
        catch (ParseException unreadable) {
            return java.util.Optional.empty();
        }
    }

    private static Map<String, Object> parseObject(String json) {
        try {
            return JSONObjectUtils.parse(json);
        }
        catch (ParseException unreadable) {
            return Map.of("unreadable", json);
        }
    }
}
