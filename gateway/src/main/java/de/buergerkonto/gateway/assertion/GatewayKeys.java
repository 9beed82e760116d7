package de.buergerkonto.gateway.assertion;

import java.text.ParseException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import de.buergerkonto.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

/**
 * The gateway's signing key for assertions (ES256, P-256), shared by every instance through Redis
 * ({@code <prefix>:assertion-key}): the first instance stores its freshly generated key with
 * {@code SET NX}, all use the stored one. Read once per instance, then kept in memory.
 *
 * <p>The private key is in Redis like the auth-server's signing key: Redis is inside the trust
 * boundary (password, TLS, no public port; docs/operations.md).
 */
@Component
public class GatewayKeys {

    public static final String JWKS_PATH = "/.well-known/gateway-jwks.json";

    private static final Duration REDIS_DEADLINE = Duration.ofSeconds(2);

    private final ReactiveStringRedisTemplate redis;
    private final String redisKey;
    private final AtomicReference<ECKey> key = new AtomicReference<>();

    public GatewayKeys(ReactiveStringRedisTemplate redis, GatewayProperties properties) {
        this.redis = redis;
        this.redisKey = properties.admin().keyPrefix() + ":assertion-key";
    }

    /** The shared signing key; errors while Redis cannot give it (the request then fails closed). */
    public Mono<ECKey> signingKey() {
        ECKey known = key.get();
        if (known != null) {
            return Mono.just(known);
        }
        return redis.opsForValue().setIfAbsent(redisKey, generate().toJSONString())
                .then(redis.opsForValue().get(redisKey))
                .timeout(REDIS_DEADLINE)
                .map(GatewayKeys::parse)
                .doOnNext(key::set);
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

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("The stored assertion key is not an EC JWK", ex);
        }
    }
}
