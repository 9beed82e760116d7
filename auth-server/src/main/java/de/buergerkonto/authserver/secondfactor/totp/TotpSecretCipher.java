package de.buergerkonto.authserver.secondfactor.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.secondfactor.SecondFactorProperties;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM (NIST SP 800-38D): a random 96-bit nonce per
 * encryption, a 128-bit tag, stored as base64 of {@code nonce || ciphertext || tag}. The
 * {@code context} (account and factor) is authenticated as associated data, so a ciphertext copied
 * to another account's or factor's key does not decrypt.
 *
 * <p>A ciphertext that does not decrypt (other key, altered value) is an error, never an empty
 * secret: verification then fails closed.
 */
@Component
public final class TotpSecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TotpSecretCipher(SecondFactorProperties properties) {
        this.key = new SecretKeySpec(properties.encryptionKeyBytes(), "AES");
    }

    public String encrypt(byte[] secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    public byte[] decrypt(String stored, String context) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new UndecryptableSecretException("stored TOTP secret is not base64");
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new UndecryptableSecretException("stored TOTP secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new UndecryptableSecretException("stored TOTP secret fails authentication: other key or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /** A stored secret that cannot be decrypted with the configured key; the message names no secret. */
    public static final class UndecryptableSecretException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        UndecryptableSecretException(String message) {
            super(message);
        }
    }
}
