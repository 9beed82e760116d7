package de.buergerkonto.authserver.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key of the pairwise subject identifiers. Changing it changes every {@code sub} every
 * service knows, so it is set once per deployment and kept secret.
 *
 * @param secret HMAC key, at least 32 characters of random text
 */
@Validated
@ConfigurationProperties("buergerkonto.pairwise-subject")
public record PairwiseSubjectProperties(@NotBlank @Size(min = 32) String secret) {

    @Override
    public String toString() {
        return "PairwiseSubjectProperties[secret=<hidden>]";
    }
}
