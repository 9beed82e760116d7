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
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.util.JSONObjectUtils;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.GatewayProperties.ServiceRoute;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service routes in Redis, shared by every gateway instance (docs/redis-keys.md); the keys
 * share the hash tag {@code {<prefix>}}, one Redis Cluster slot, so that a change is one script:
 * <ul>
 * <li>{@code {<prefix>}:routes}: hash, route id -> the route as JSON ({@link RouteJson});</li>
 * <li>{@code {<prefix>}:routes:version}: a counter raised by every change;</li>
 * <li>{@code {<prefix>}:routes:changed}: the channel every change is announced on;</li>
 * <li>{@code {<prefix>}:routes:seeded}: set once the configured routes were stored as the initial state;</li>
 * <li>{@code {<prefix>}:audit}: list, newest first, of every change: who, what, before, after, when.</li>
 * </ul>
 * A change, its version, its audit entry and its announcement happen together or not at all
 * ({@link #CHANGE}): no change goes unaudited when Redis fails halfway. Routes that fail validation
 * when read (a hand-edited hash) are left out and logged: fail closed.
 */
@Component
public class RouteStore {

    private static final Log log = LogFactory.getLog(RouteStore.class);
    private static final Log audit = LogFactory.getLog("de.buergerkonto.gateway.audit");
    static final Duration REDIS_DEADLINE = Duration.ofSeconds(2);

    /**
     * Replaces (ARGV[2] a route as JSON) or deletes (ARGV[2] empty) route ARGV[1], raises the
     * version, pushes the audit entry (ARGV[3] is its beginning, {@code at} and {@code who}; the
     * script adds action, route, before and after, so "before" is what it replaced) and announces
     * the version on channel ARGV[4]. Returns {version, entry}, or {-1} when there was nothing to
     * delete. A stored value that is not JSON (hand-edited) goes into the entry as a string.
     */
    private static final RedisScript<List> CHANGE = RedisScript.of("""
            local before = redis.call('HGET', KEYS[1], ARGV[1])
            if not before and ARGV[2] == '' then
              return {-1}
            end
            local action = 'update'
            if not before then
              action = 'create'
            elseif ARGV[2] == '' then
              action = 'delete'
            end
            if ARGV[2] == '' then
              redis.call('HDEL', KEYS[1], ARGV[1])
            else
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            end
            local function json(value)
              if not value or value == '' then
                return 'null'
              end
              if pcall(cjson.decode, value) then
                return value
              end
              return cjson.encode(value)
            end
            local entry = ARGV[3] .. '"action":' .. cjson.encode(action) .. ',"route":' .. cjson.encode(ARGV[1])
              .. ',"before":' .. json(before) .. ',"after":' .. json(ARGV[2]) .. '}'
            local version = redis.call('INCR', KEYS[2])
            redis.call('LPUSH', KEYS[3], entry)
            redis.call('PUBLISH', ARGV[4], tostring(version))
            return {version, entry}
            """, List.class);

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
        String prefix = "{" + properties.admin().keyPrefix() + "}";
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
        return change(route.id(), after, who).then();
    }

    /** Deletes the route {@code id}; false when there was none. */
    public Mono<Boolean> delete(String id, String who) {
        return change(id, null, who);
    }

    /** The newest {@code count} audit entries, as stored. */
    public Flux<String> audit(long count) {
        return redis.opsForList().range(auditKey, 0, count - 1);
    }

    /** Sets route {@code id} to {@code after} (null: deletes it); false when there was nothing to delete. */
    private Mono<Boolean> change(String id, String after, String who) {
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("at", clock.instant().toString());
        start.put("who", who);
        String entryStart = JSONObjectUtils.toJSONString(start);
        // {"at":...,"who":...} without its closing brace, then a comma: the script completes the entry
        entryStart = entryStart.substring(0, entryStart.length() - 1) + ",";
        return redis.execute(CHANGE, List.of(routesKey, versionKey, auditKey),
                        List.of(id, after == null ? "" : after, entryStart, channel))
                .next()
                .map(reply -> {
                    if (((Number) reply.get(0)).longValue() >= 0) {
                        audit.info("Route change " + reply.get(1));
                        return true;
                    }
                    return false;
                })
                .timeout(REDIS_DEADLINE);
    }

    private java.util.Optional<ServiceRoute> parse(String json) {
        try {
            return java.util.Optional.ofNullable(RouteJson.read(JSONObjectUtils.parse(json), validator).route());
        }
        catch (ParseException unreadable) {
            return java.util.Optional.empty();
        }
    }
}
