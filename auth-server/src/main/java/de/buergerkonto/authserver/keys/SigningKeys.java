package de.buergerkonto.authserver.keys;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The token signing keys, shared by every instance through Redis key {@code signing-keys}
 * (a JWK set with private parts, no expiry). The first instance to start generates an RSA
 * 2048 key and publishes it with SET NX; every other instance, and every restart, reads that
 * one. The set may hold several keys; the first is the one that signs, the others stay in
 * the JWKS so tokens they signed remain verifiable.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    static final String REDIS_KEY = "signing-keys";

    private final JWKSet keys;

    public SigningKeys(StringRedisTemplate redis, Clock clock) {
        this.keys = loadOrCreate(redis, clock);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys);
    }

    /** The key ID every new token's JWS header names. */
    public String activeKeyId() {
        return keys.getKeys().get(0).getKeyID();
    }

    private static JWKSet loadOrCreate(StringRedisTemplate redis, Clock clock) {
        String stored = redis.opsForValue().get(REDIS_KEY);
        if (stored == null) {
            redis.opsForValue().setIfAbsent(REDIS_KEY, new JWKSet(generate(clock)).toString(false));
            stored = redis.opsForValue().get(REDIS_KEY);
        }
        try {
            return JWKSet.parse(stored);
        } catch (ParseException e) {
            throw new IllegalStateException("Redis key '" + REDIS_KEY + "' holds no valid JWK set", e);
        }
    }

    private static RSAKey generate(Clock clock) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .issueTime(Date.from(clock.instant()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA signing key", e);
        }
    }
}
