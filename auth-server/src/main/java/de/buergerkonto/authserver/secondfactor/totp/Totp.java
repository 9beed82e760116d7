package de.buergerkonto.authserver.secondfactor.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238, on HOTP (RFC 4226, section 5.3: HMAC, dynamic
 * truncation, modulo 10^digits). Written here rather than taken from a library: it is a few lines
 * on {@link Mac}, no maintained TOTP library is among the project's vetted Maven packages, and
 * the RFC 6238 appendix B vectors pin it ({@code TotpTest}).
 *
 * <p>Time steps are 30 seconds from the Unix epoch (RFC 6238, section 4: {@code X = 30},
 * {@code T0 = 0}). A code is accepted for the current step and one step either side, the
 * "one time step" of network and clock delay the RFC recommends (section 5.2); that a step is not
 * accepted twice is the caller's part ({@link TotpFactors}).
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    /** Steps accepted before and after the current one. */
    public static final int WINDOW = 1;

    private static final Totp AUTHENTICATOR_APP = new Totp(TotpAlgorithm.SHA1, 6);
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    private final TotpAlgorithm algorithm;
    private final int digits;
    private final Pattern format;

    public Totp(TotpAlgorithm algorithm, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("RFC 4226 codes have 6 to 8 digits");
        }
        this.algorithm = algorithm;
        this.digits = digits;
        this.format = Pattern.compile("\\d{" + digits + "}");
    }

    /** SHA-1, 6 digits, 30 seconds: what every authenticator app understands. */
    public static Totp authenticatorApp() {
        return AUTHENTICATOR_APP;
    }

    public TotpAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    /** The time step an instant falls in: whole 30-second periods since the epoch. */
    public static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of a time step, zero-padded to the number of digits. */
    public String code(byte[] secret, long step) {
        byte[] hash = hmac(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step within the window around {@code now} whose code this is, if any. Every step of the
     * window is computed and compared in constant time, so the time taken does not tell which
     * step (or how many digits) matched.
     */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || !format.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long match = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (MessageDigest.isEqual(given, code(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                match = step;
            }
        }
        return match == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(match);
    }

    private byte[] hmac(byte[] secret, byte[] counter) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(secret, algorithm.macName()));
            return mac.doFinal(counter);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC is required of every Java runtime", e);
        }
    }
}
