package de.buergerkonto.authserver.secondfactor.totp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.secondfactor.SecondFactor;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrolment and verification of TOTP factors (RFC 6238). Keys (see {@code docs/redis-keys.md}):
 * <ul>
 * <li>{@code totp-enrolment:{accountId}} the secret shown on the enrolment page, encrypted, until
 * the first code confirms it; 10 minutes, measured by the injected {@link Clock} (the Redis TTL
 * only cleans up);</li>
 * <li>{@code totp-secret:{accountId}:{factorId}} the secret of an enrolled factor, AES-256-GCM
 * encrypted ({@link TotpSecretCipher}): it must be read back to compute codes, so it cannot be
 * hashed;</li>
 * <li>{@code totp-last-step:{accountId}:{factorId}} the time step of the last accepted code.</li>
 * </ul>
 * A code is accepted only for a step later than the last accepted one, set by one compare-and-set
 * script: two parallel submissions of one code cannot both pass (RFC 6238, section 5.2), and
 * neither can an older code after a newer one.
 */
@Component
public class TotpFactors {

    static final int SECRET_BYTES = 20;
    static final Duration ENROLMENT_LIFETIME = Duration.ofMinutes(10);
    /**
     * How long the last accepted step is kept: a code can only match while its step is within one
     * step of now, so after an hour no code of that step or an earlier one can be replayed anyway.
     * The TTL only removes the key of a factor deleted while a code was being checked.
     */
    static final Duration LAST_STEP_RETENTION = Duration.ofHours(1);

    private static final RedisScript<Long> ACCEPT_STEP = RedisScript.of("""
            local last = redis.call('GET', KEYS[1])
            if last and tonumber(last) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final SecondFactorRepository factors;
    private final TotpSecretCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    private final Totp totp = Totp.authenticatorApp();
    private final SecureRandom random = new SecureRandom();

    public TotpFactors(StringRedisTemplate redis, SecondFactorRepository factors, TotpSecretCipher cipher,
            JsonMapper json, Clock clock) {
        this.redis = redis;
        this.factors = factors;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The account's pending enrolment, or a new one: the same secret on every visit of the
     * enrolment page for 10 minutes, so a reload does not invalidate an already scanned QR code.
     */
    public PendingTotpEnrolment pendingEnrolment(String accountId) {
        Optional<PendingTotpEnrolment> pending = readPending(redis.opsForValue().get(enrolmentKey(accountId)), accountId);
        if (pending.isPresent()) {
            return pending.get();
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        PendingTotpEnrolment fresh = new PendingTotpEnrolment(secret, clock.instant().plus(ENROLMENT_LIFETIME));
        String stored = json.writeValueAsString(new StoredEnrolment(
                cipher.encrypt(secret, enrolmentContext(accountId)), fresh.expiresAt()));
        // kept in Redis a little longer than it counts, so a clock ahead of Redis cannot cut it short
        redis.opsForValue().set(enrolmentKey(accountId), stored, ENROLMENT_LIFETIME.plusMinutes(1));
        return fresh;
    }

    /**
     * Turns the pending enrolment into a factor if the code is right for its secret; the pending
     * secret is used up, so one enrolment yields at most one factor.
     */
    public Optional<SecondFactor> confirmEnrolment(String accountId, String name, String code) {
        Optional<PendingTotpEnrolment> pending = readPending(redis.opsForValue().get(enrolmentKey(accountId)), accountId);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = totp.matchingStep(pending.get().secret(), code, clock.instant());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        Optional<PendingTotpEnrolment> taken = readPending(redis.opsForValue().getAndDelete(enrolmentKey(accountId)),
                accountId);
        if (!taken.equals(pending)) {
            // a parallel confirmation used it up, or a new enrolment replaced it meanwhile
            return Optional.empty();
        }
        return Optional.of(add(accountId, name, pending.get().secret(), step.getAsLong()));
    }

    /**
     * Stores a confirmed TOTP factor; the secret and the last step first, the factor listed last.
     *
     * @param acceptedStep the step of the code that confirmed the secret, which cannot be used again
     */
    public SecondFactor add(String accountId, String name, byte[] secret, long acceptedStep) {
        SecondFactor factor = new SecondFactor(UUID.randomUUID().toString(), SecondFactorType.TOTP, name,
                clock.instant(), null);
        redis.opsForValue().set(secretKey(accountId, factor.id()),
                cipher.encrypt(secret, secretContext(accountId, factor.id())));
        redis.opsForValue().set(lastStepKey(accountId, factor.id()), Long.toString(acceptedStep), LAST_STEP_RETENTION);
        factors.create(accountId, factor);
        return factor;
    }

    /**
     * Checks a code against every TOTP factor of the account.
     *
     * @return the id of the factor that accepted it; empty for a wrong code and for a code whose
     *         step was already used
     */
    public Optional<String> verify(String accountId, String code) {
        Instant now = clock.instant();
        List<SecondFactor> totpFactors = factors.findAll(accountId).stream()
                .filter(factor -> factor.type() == SecondFactorType.TOTP)
                .toList();
        for (SecondFactor factor : totpFactors) {
            String stored = redis.opsForValue().get(secretKey(accountId, factor.id()));
            if (stored == null) {
                continue;
            }
            byte[] secret = cipher.decrypt(stored, secretContext(accountId, factor.id()));
            OptionalLong step = totp.matchingStep(secret, code, now);
            if (step.isPresent()) {
                if (!acceptStep(accountId, factor.id(), step.getAsLong())) {
                    return Optional.empty();
                }
                factors.markUsed(accountId, factor.id(), now);
                return Optional.of(factor.id());
            }
        }
        return Optional.empty();
    }

    /** Deletes the secret and last step of a factor whose record was removed. */
    public void deleteSecret(String accountId, String factorId) {
        redis.delete(List.of(secretKey(accountId, factorId), lastStepKey(accountId, factorId)));
    }

    private boolean acceptStep(String accountId, String factorId, long step) {
        Long accepted = redis.execute(ACCEPT_STEP, List.of(lastStepKey(accountId, factorId)), Long.toString(step),
                Long.toString(LAST_STEP_RETENTION.toSeconds()));
        return Objects.equals(accepted, 1L);
    }

    private Optional<PendingTotpEnrolment> readPending(String stored, String accountId) {
        if (stored == null) {
            return Optional.empty();
        }
        StoredEnrolment enrolment;
        try {
            enrolment = json.readValue(stored, StoredEnrolment.class);
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(enrolment.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(new PendingTotpEnrolment(
                cipher.decrypt(enrolment.secret(), enrolmentContext(accountId)), enrolment.expiresAt()));
    }

    private static String enrolmentKey(String accountId) {
        return "totp-enrolment:" + accountId;
    }

    private static String secretKey(String accountId, String factorId) {
        return "totp-secret:" + accountId + ":" + factorId;
    }

    private static String lastStepKey(String accountId, String factorId) {
        return "totp-last-step:" + accountId + ":" + factorId;
    }

    /** Associated data of the encryption: a ciphertext decrypts only under the key it was written to. */
    private static String enrolmentContext(String accountId) {
        return "totp-enrolment:" + accountId;
    }

    private static String secretContext(String accountId, String factorId) {
        return "totp-secret:" + accountId + ":" + factorId;
    }

    /** What Redis holds for a pending enrolment: the encrypted secret and until when it counts. */
    record StoredEnrolment(String secret, Instant expiresAt) {
    }
}
