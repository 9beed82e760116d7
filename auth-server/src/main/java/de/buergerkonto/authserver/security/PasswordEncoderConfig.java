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
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", argon2,
                "sha256", new Sha256SecretEncoder()));
    }
}
