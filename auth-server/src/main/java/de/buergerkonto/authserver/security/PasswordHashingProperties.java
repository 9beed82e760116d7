package de.buergerkonto.authserver.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Argon2id parameters for citizens' passwords (RFC 9106). The defaults follow the OWASP
 * Password Storage Cheat Sheet's first Argon2id option (19 MiB, 2 passes, 1 lane): one hash
 * costs tens of milliseconds here, see {@code docs/performance.md}.
 *
 * @param memoryKib   memory per hash, in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
@Validated
@ConfigurationProperties("buergerkonto.password-hashing")
public record PasswordHashingProperties(
        @Min(8192) @Max(1048576) int memoryKib,
        @Min(1) @Max(10) int iterations,
        @Min(1) @Max(4) int parallelism) {

    public PasswordHashingProperties {
        memoryKib = memoryKib == 0 ? 19456 : memoryKib;
        iterations = iterations == 0 ? 2 : iterations;
        parallelism = parallelism == 0 ? 1 : parallelism;
    }
}
