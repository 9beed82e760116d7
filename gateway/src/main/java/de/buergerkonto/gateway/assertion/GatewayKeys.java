package de.buergerkonto.gateway.assertion;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;

import de.buergerkonto.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

/**
 * The gateway's keys for assertions (ES256, P-256), shared by every instance through Redis
 * ({@code <prefix>:assertion-keys}, JSON): the current signing key, when it was made, and the
 * public half of the key before it.
 *
 * <p>Rotation: the first instance that finds no key, or a current key older than
 * {@code assertion.key-rotation}, stores a new one, compare-and-set on what it read, so one
 * instance wins and the others take its key. The JWKS publishes current and previous key: an
 * assertion signed just before a rotation (at most {@code assertion.lifetime} old) still verifies,
 * and a service that meets the new key id reads the JWKS again. Every instance reads the keys again
 * every {@value #REREAD_SECONDS} s to follow a rotation made elsewhere; when that read fails it
 * keeps signing with the key it has (the rate limiter already refuses requests while Redis is down).
 *
 * <p>The private key is in Redis like the auth-server's signing key: Redis is inside the trust
 * boundary (password, TLS, no public port; docs/operations.md).
 */
@Component
public class GatewayKeys {

    public static final String JWKS_PATH = "/.well-known/gateway-jwks.json";

    private static final Log log = LogFactory.getLog(GatewayKeys.class);
    private static final Duration REDIS_DEADLINE = Duration.ofSeconds(2);
    private static final long REREAD_SECONDS = 30;

    /** SET KEYS[1] ARGV[2] if it still holds ARGV[1] (empty: nothing); returns what it holds afterwards. */
    private static final RedisScript<String> REPLACE = RedisScript.of("""
            local stored = redis.call('GET', KEYS[1])
            if (stored or '') == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2])
              return ARGV[2]
            end
            return stored
            """, String.class);

    /** The keys as stored. */
    record Keys(ECKey current, Instant created, ECKey previous, String json) {

        boolean isDue(Instant now, Duration rotation) {
            return !now.isBefore(created.plus(rotation));
        }

        JWKSet publicKeys() {
            List<JWK> published = new ArrayList<>(List.of(current.toPublicJWK()));
            if (previous != null) {
                published.add(previous.toPublicJWK());
            }
            return new JWKSet(published);
        }
    }

    private record Read(Keys keys, Instant at) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final String redisKey;
    private final Duration rotation;
    private final Clock clock;
    private volatile Read read;

    public GatewayKeys(ReactiveStringRedisTemplate redis, GatewayProperties properties, Clock clock) {
        this.redis = redis;
        this.redisKey = properties.admin().keyPrefix() + ":assertion-keys";
        this.rotation = properties.assertion().keyRotation();
        this.clock = clock;
    }

    /** The current signing key; errors while Redis cannot give any (the request then fails closed). */
    public Mono<ECKey> signingKey() {
        return keys().map(Keys::current);
    }

    /** The public keys services verify assertions with: current and previous. */
    public Mono<JWKSet> publicKeys() {
        return keys().map(Keys::publicKeys);
    }

    private Mono<Keys> keys() {
        Instant now = clock.instant();
        Read known = read;
        if (known != null && now.isBefore(known.at().plusSeconds(REREAD_SECONDS)) && !known.keys().isDue(now, rotation)) {
            return Mono.just(known.keys());
        }
        return redis.opsForValue().get(redisKey).map(GatewayKeys::parse)
                .flatMap(stored -> stored.isDue(now, rotation) ? replace(stored.json(), next(stored, now)) : Mono.just(stored))
                .switchIfEmpty(Mono.defer(() -> replace("", next(null, now))))
                .timeout(REDIS_DEADLINE)
                .doOnNext(keys -> read = new Read(keys, now))
                .onErrorResume(failure -> {
                    if (known == null) {
                        return Mono.error(failure);
                    }
                    log.warn("Assertion keys not read again, still signing with " + known.keys().current().getKeyID() + ": "
                            + failure.getClass().getSimpleName());
                    return Mono.just(known.keys());
                });
    }

    /** Stores {@code next} unless another instance changed the keys since {@code seen}; what is stored then. */
    private Mono<Keys> replace(String seen, String next) {
        return redis.execute(REPLACE, List.of(redisKey), List.of(seen, next)).next().map(GatewayKeys::parse)
                .doOnNext(stored -> {
                    if (stored.json().equals(next)) {
                        log.info("New assertion key " + stored.current().getKeyID());
                    }
                });
    }

    private static String next(Keys before, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("current", generate().toJSONObject());
        json.put("created", now.toString());
        if (before != null) {
            json.put("previous", before.current().toPublicJWK().toJSONObject());
        }
        return JSONObjectUtils.toJSONString(json);
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("P-256 keys are part of every Java runtime", ex);
        }
    }

    private static Keys parse(String json) {
        try {
            Map<String, Object> stored = JSONObjectUtils.parse(json);
            Map<String, Object> previous = JSONObjectUtils.getJSONObject(stored, "previous");
            return new Keys(ECKey.parse(JSONObjectUtils.getJSONObject(stored, "current")),
                    Instant.parse(JSONObjectUtils.getString(stored, "created")),
                    previous == null ? null : ECKey.parse(previous), json);
        }
        catch (ParseException | RuntimeException unreadable) {
            throw new IllegalStateException("The stored assertion keys are not readable", unreadable);
        }
    }
}
