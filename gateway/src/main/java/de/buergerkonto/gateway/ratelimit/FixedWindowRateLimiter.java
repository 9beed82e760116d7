package de.buergerkonto.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import de.buergerkonto.gateway.GatewayProperties.RateLimit;
import reactor.core.publisher.Mono;

/**
 * Counts requests per key and time window in Redis, shared by every gateway instance: one atomic
 * Lua script per check ({@code INCR}, and the window's expiry on its first request).
 *
 * <p>Key schema (docs/gateway.md): {@code gateway:rate:{<kind>:<hash>}} with kind {@code sub} or
 * {@code addr} and the first 128 bits of SHA-256 of the subject or address, hex: no personal data
 * in Redis, and the hash tag keeps each key whole on one Redis Cluster slot. The key lives as long
 * as its window.
 *
 * <p>A fixed window lets up to twice the limit through around a window's edge; that is enough to
 * stop a flood, and it costs one round trip.
 */
public final class FixedWindowRateLimiter {

    // a reply Redis gives in time or not at all: the gateway answers 503 rather than wait
    static final Duration REDIS_DEADLINE = Duration.ofSeconds(2);

    private static final RedisScript<List> SCRIPT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """, List.class);

    /** The outcome of one check: allowed, or refused until the window ends. */
    public record Outcome(boolean allowed, Duration retryAfter) {
    }

    private final ReactiveStringRedisTemplate redis;

    public FixedWindowRateLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one request under {@code kind}/{@code value}; errors when Redis does not answer. */
    public Mono<Outcome> check(String kind, String value, RateLimit limit) {
        String key = "gateway:rate:{" + kind + ":" + hash(value) + "}";
        return redis.execute(SCRIPT, List.of(key), List.of(Long.toString(limit.window().toMillis())))
                .next()
                .timeout(REDIS_DEADLINE)
                .map(reply -> {
                    long count = ((Number) reply.get(0)).longValue();
                    long ttlMillis = ((Number) reply.get(1)).longValue();
                    Duration retryAfter = Duration.ofSeconds(Math.max(1, (ttlMillis + 999) / 1000));
                    return new Outcome(count <= limit.requests(), retryAfter);
                });
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }
}
