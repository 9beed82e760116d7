package de.buergerkonto.authserver.passkey;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The WebAuthn relying party ({@code buergerkonto.passkeys}).
 *
 * @param rpId    the RP ID passkeys are bound to (WebAuthn Level 2, section 5.1.2): a registrable
 *                suffix of the host of {@code buergerkonto.public-url}, e.g. {@code hagen.de} for
 *                {@code https://konto.hagen.de}; checked at start by {@link PasskeyRelyingParty}.
 *                Changing it makes every registered passkey unusable.
 * @param rpName  the name authenticators show next to the passkey
 * @param origins the origins assertions may come from (section 7.1, step 9); empty means the
 *                origin of {@code buergerkonto.public-url}
 */
@Validated
@ConfigurationProperties("buergerkonto.passkeys")
public record PasskeyProperties(@NotBlank String rpId, @NotBlank String rpName, List<URI> origins) {

    public PasskeyProperties {
        origins = origins == null ? List.of() : List.copyOf(origins);
    }

    @AssertTrue(message = "buergerkonto.passkeys.origins must be http(s) origins: scheme, host and port only")
    public boolean isOriginsWellFormed() {
        return origins.stream().allMatch(origin -> origin.isAbsolute()
                && ("https".equals(origin.getScheme()) || "http".equals(origin.getScheme()))
                && origin.getHost() != null && (origin.getRawPath() == null || origin.getRawPath().isEmpty())
                && origin.getRawQuery() == null && origin.getRawFragment() == null);
    }
}
