package de.buergerkonto.authserver.secondfactor;

import java.util.Base64;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the second factors ({@code buergerkonto.second-factor}).
 *
 * @param encryptionKey the AES-256 key that encrypts TOTP secrets at rest, base64 of 32 random
 *                      bytes (e.g. {@code openssl rand -base64 32}). TOTP secrets must be read back
 *                      to check codes, so they cannot be hashed; a copy of Redis without this key
 *                      yields none of them. Changing the key makes every enrolled TOTP unusable.
 */
@Validated
@ConfigurationProperties("buergerkonto.second-factor")
public record SecondFactorProperties(@NotBlank String encryptionKey) {

    static final int KEY_BYTES = 32;

    @AssertTrue(message = "must be the base64 encoding of exactly 32 random bytes (an AES-256 key)")
    public boolean isEncryptionKeyValid() {
        return keyBytesOrNull() != null;
    }

    /** The raw key; only called after validation passed. */
    public byte[] encryptionKeyBytes() {
        byte[] key = keyBytesOrNull();
        if (key == null) {
            throw new IllegalStateException("buergerkonto.second-factor.encryption-key is not a 32-byte base64 key");
        }
        return key;
    }

    private byte[] keyBytesOrNull() {
        if (encryptionKey == null) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(encryptionKey.trim());
            return key.length == KEY_BYTES ? key : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "SecondFactorProperties[encryptionKey=(hidden)]";
    }
}
