package de.buergerkonto.authserver.passkey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.security.Sha256;

/**
 * The challenges of WebAuthn ceremonies (WebAuthn Level 2, section 13.4.3): 32 random bytes, kept
 * in Redis as {@code passkey-challenge:{sha256(challenge)}} with what they were issued for, and
 * taken with GETDEL, so a challenge answers one response only, even when two arrive at once.
 * The lifetime is checked against the injected clock; the TTL only cleans up.
 */
@Component
class PasskeyChallenges {

    /** The ceremony timeout we announce to the browser (the spec's recommended range for UV: 5 to 10 minutes). */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int CHALLENGE_BYTES = 32;
    /** Login challenges are issued before anyone is known. */
    private static final String NOBODY = "-";

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasskeyChallenges(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    byte[] issue(Ceremony ceremony, String accountId) {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        random.nextBytes(challenge);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        redis.opsForValue().set(key(challenge),
                ceremony.name() + " " + (accountId == null ? NOBODY : accountId) + " " + expiresAt,
                LIFETIME.plusMinutes(1));
        return challenge;
    }

    /** Uses the challenge up; true only if it was issued for this ceremony and account and has not expired. */
    boolean take(byte[] challenge, Ceremony ceremony, String accountId) {
        if (challenge == null || challenge.length != CHALLENGE_BYTES) {
            return false;
        }
        String stored = redis.opsForValue().getAndDelete(key(challenge));
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split(" ");
        return parts.length == 3 && parts[0].equals(ceremony.name())
                && parts[1].equals(accountId == null ? NOBODY : accountId)
                && !clock.instant().isAfter(Instant.parse(parts[2]));
    }

    private static String key(byte[] challenge) {
        return "passkey-challenge:" + HexFormat.of().formatHex(Sha256.digest(challenge));
    }

    /** What a challenge was issued for: a response of one ceremony never passes for another. */
    enum Ceremony {
        REGISTRATION, LOGIN, STEP_UP
    }
}
