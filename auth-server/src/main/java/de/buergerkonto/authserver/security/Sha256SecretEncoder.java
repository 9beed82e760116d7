package de.buergerkonto.authserver.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes generated, high-entropy secrets (client secrets) with plain SHA-256. A slow password
 * hash adds nothing against guessing a 256-bit random value and would cost the token endpoint
 * tens of milliseconds per request; citizens' passwords use Argon2id instead.
 */
final class Sha256SecretEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawSecret) {
        return Sha256.hex(rawSecret.toString());
    }

    @Override
    public boolean matches(CharSequence rawSecret, String encodedSecret) {
        if (rawSecret == null || encodedSecret == null) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(encodedSecret);
        byte[] actual = Sha256.digest(rawSecret.toString().getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, actual);
    }
}
