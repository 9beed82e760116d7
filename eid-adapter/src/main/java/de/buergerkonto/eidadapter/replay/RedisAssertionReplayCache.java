package de.buergerkonto.eidadapter.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * {@link AssertionReplayCache} in Redis: one {@code SET key 1 NX PX ttl} per assertion, atomic
 * across all adapter replicas.
 *
 * <p>Key schema: {@code eid:assertion:<base64url(SHA-256(issuer LF assertionId))>}, value
 * {@code 1}, TTL = how long the assertion could still be accepted (its latest
 * {@code NotOnOrAfter} plus the allowed clock skew). Hashing bounds the key length and keeps
 * characters chosen by the eID-Server out of key names.
 */
public final class RedisAssertionReplayCache implements AssertionReplayCache {

    static final String KEY_PREFIX = "eid:assertion:";

    private final StatefulRedisConnection<String, String> connection;

    /** @param connection a shared, thread-safe Lettuce connection, owned by the caller */
    public RedisAssertionReplayCache(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    @Override
    public boolean firstUse(String issuer, String assertionId, Duration keepFor) throws ReplayCacheUnavailableException {
        // never 0: PX 0 is an error in Redis, and a just-expiring assertion is still worth remembering
        long ttlMillis = Math.max(1, keepFor.toMillis());
        try {
            String reply = connection.sync().set(key(issuer, assertionId), "1", SetArgs.Builder.nx().px(ttlMillis));
            return "OK".equals(reply);
        } catch (RedisException e) {
            throw new ReplayCacheUnavailableException("Redis did not answer the one-time-use check", e);
        }
    }

    /** The Redis key for an assertion, per the key schema above. */
    public static String key(String issuer, String assertionId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((issuer + "\n" + assertionId).getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
