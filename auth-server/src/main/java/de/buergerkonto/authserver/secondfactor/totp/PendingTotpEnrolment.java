package de.buergerkonto.authserver.secondfactor.totp;

import java.time.Instant;
import java.util.Locale;

import org.bouncycastle.util.encoders.Base32;

/**
 * A TOTP secret shown to the citizen but not yet confirmed with a first code.
 *
 * @param expiresAt when the enrolment page has to be opened anew for a new secret
 */
public record PendingTotpEnrolment(byte[] secret, Instant expiresAt) {

    public PendingTotpEnrolment {
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The secret as authenticator apps take it: RFC 4648 Base32, no padding (20 bytes are 32 characters). */
    public String base32Secret() {
        return Base32.toBase32String(secret).replace("=", "").toUpperCase(Locale.ROOT);
    }

    /** The Base32 secret in blocks of four, easier to type by hand. */
    public String groupedSecret() {
        return base32Secret().replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "PendingTotpEnrolment[expiresAt=" + expiresAt + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PendingTotpEnrolment that && java.util.Arrays.equals(secret, that.secret)
                && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(secret) + expiresAt.hashCode();
    }
}
