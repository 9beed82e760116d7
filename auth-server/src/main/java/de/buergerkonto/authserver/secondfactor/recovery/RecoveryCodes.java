package de.buergerkonto.authserver.secondfactor.recovery;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.security.Sha256;

/**
 * Recovery codes: ten single-use codes for when the authenticator app is lost (NIST SP 800-63B,
 * section 5.1.2, "look-up secrets"). Each has 16 characters of Crockford's Base32 alphabet
 * (no I, L, O, U), that is 80 random bits, shown as {@code XXXX-XXXX-XXXX-XXXX}.
 *
 * <p>Redis keeps only their SHA-256, in the set {@code recovery-codes:{accountId}}. A fast hash is
 * enough here, unlike for passwords: slow hashing protects secrets people choose, which are few
 * enough to enumerate; 80 random bits are not, even at billions of SHA-256 per second against
 * all ten hashes of an account. A code is used up with SREM, which removes it at most once even
 * when two requests race.
 */
@Component
public class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 16;
    private static final int GROUP = 4;

    /** Replaces the whole set in one step: after it, only the new codes work. */
    private static final RedisScript<Long> REPLACE = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            return redis.call('SADD', KEYS[1], unpack(ARGV))
            """, Long.class);

    private final StringRedisTemplate redis;
    private final SecureRandom random = new SecureRandom();

    public RecoveryCodes(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A new set of codes for the account, replacing any earlier set; the plain codes exist only in the result. */
    public List<String> generate(String accountId) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        while (codes.size() < COUNT) {
            String code = randomCode();
            if (!codes.contains(code)) {
                codes.add(code);
                hashes.add(Sha256.hex(code));
            }
        }
        redis.execute(REPLACE, List.of(key(accountId)), hashes.toArray());
        return codes.stream().map(RecoveryCodes::grouped).toList();
    }

    /** Uses a code up: true only the first time a code of the account's current set is given. */
    public boolean use(String accountId, String typed) {
        Optional<String> code = normalize(typed);
        if (code.isEmpty()) {
            return false;
        }
        Long removed = redis.opsForSet().remove(key(accountId), Sha256.hex(code.get()));
        return Objects.equals(removed, 1L);
    }

    public int remaining(String accountId) {
        Long size = redis.opsForSet().size(key(accountId));
        return size == null ? 0 : size.intValue();
    }

    public void delete(String accountId) {
        redis.delete(key(accountId));
    }

    /** Whether the input has the form of a recovery code (and so is not a TOTP code). */
    public static boolean looksLikeRecoveryCode(String typed) {
        return normalize(typed).isPresent();
    }

    /**
     * The code as hashed: upper case, without spaces and hyphens, and with the letters that
     * Crockford's Base32 reads as digits (O as 0, I and L as 1) turned into those digits.
     */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    private String randomCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static String grouped(String code) {
        return code.replaceAll("(.{" + GROUP + "})(?!$)", "$1-");
    }

    private static String key(String accountId) {
        return "recovery-codes:" + accountId;
    }
}
