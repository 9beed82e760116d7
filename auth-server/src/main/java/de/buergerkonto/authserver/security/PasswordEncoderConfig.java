package de.buergerkonto.authserver.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One encoder for every stored secret, told apart by prefix: {@code {argon2}} for citizens'
 * passwords (the default for new hashes), {@code {sha256}} for client secrets. The
 * authorization server picks this bean up for client authentication.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordEncoderConfig {

    public static final String CLIENT_SECRET_PREFIX = "{sha256}";

    @Bean
    PasswordEncoder passwordEncoder(PasswordHashingProperties hashing) {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, hashing.parallelism(),
                hashing.memoryKib(), hashing.iterations());
        return new ClientSecretPreservingEncoder(new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", argon2,
                "sha256", new Sha256SecretEncoder())));
    }

    /**
     * Spring's client authentication re-encodes a secret whenever {@code upgradeEncoding} says
     * so, and the delegating encoder says so for every hash not in its default (Argon2id). A
     * client secret must stay a fast SHA-256 hash, or every token request pays for Argon2id.
     */
    static final class ClientSecretPreservingEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate;

        ClientSecretPreservingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return delegate.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return !encodedPassword.startsWith(CLIENT_SECRET_PREFIX) && delegate.upgradeEncoding(encodedPassword);
        }
    }
}
