package de.buergerkonto.authserver.onetimelink;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.redis.core.StringRedisTemplate;

import de.buergerkonto.authserver.security.Sha256;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One-time tokens for links sent by mail (email verification, password reset): 32 random bytes,
 * base64url. Redis keeps only the SHA-256 of a token, under
 * {@code one-time-link:{purpose}:{sha256(token)}} with the token's lifetime as TTL, so a read of
 * the database yields no usable link. A token is consumed with GETDEL, hence used at most once
 * even when two requests race.
 *
 * <p>The expiry is also stored in the value and checked against the injected {@link Clock}: the
 * Redis TTL only cleans up, the clock decides, and tests can move it.
 */
public final class OneTimeLinkTokens {

    private static final int TOKEN_BYTES = 32;
    /** 32 bytes in base64url without padding are 43 characters. */
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String purpose;
    private final Duration lifetime;

    /**
     * @param purpose  part of the key, so a token of one kind is never accepted as another
     * @param lifetime how long a link works after it was sent
     */
    public OneTimeLinkTokens(StringRedisTemplate redis, JsonMapper json, Clock clock, String purpose,
            Duration lifetime) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.purpose = purpose;
        this.lifetime = lifetime;
    }

    /** Issues a new token for the account; the raw token goes into the mailed link only. */
    public String issue(String accountId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Entry entry = new Entry(accountId, clock.instant().plus(lifetime));
        redis.opsForValue().set(key(token), json.writeValueAsString(entry), lifetime);
        return token;
    }

    /** The account a still valid token was issued for, without using the token up. */
    public Optional<String> peek(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return valid(redis.opsForValue().get(key(token)));
    }

    /** Uses the token up: the account it was issued for, if it was valid; never the same token twice. */
    public Optional<String> consume(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return valid(redis.opsForValue().getAndDelete(key(token)));
    }

    private Optional<String> valid(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Entry entry;
        try {
            entry = json.readValue(stored, Entry.class);
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
        return clock.instant().isBefore(entry.expiresAt()) ? Optional.of(entry.accountId()) : Optional.empty();
    }

    private static boolean wellFormed(String token) {
        return token != null && TOKEN_FORMAT.matcher(token).matches();
    }

    private String key(String token) {
        return "one-time-link:" + purpose + ":" + Sha256.hex(token);
    }

    /** What Redis holds for a token: whose it is and until when it counts. */
    record Entry(String accountId, Instant expiresAt) {
    }
}
