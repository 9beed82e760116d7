package de.buergerkonto.authserver.eid;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The login and identity proofing with the ID card through the eID adapter
 * ({@code buergerkonto.eid}). Off while {@code adapter-start-url} is not set; once it is set,
 * every other setting is required and checked at startup (the keys by {@link EidKeyMaterial}).
 *
 * @param adapterStartUrl the adapter's {@code /eid/start} (e.g. {@code https://eid.konto.hagen.de/eid/start})
 * @param callbackUrl our public {@code /login/eid/callback}; must be on the adapter's {@code handover.return-urls}
 * @param adapterIssuer the adapter's SAML entity ID, the handover token's {@code iss}
 * @param audience our identifier in the handover token's {@code aud} (the adapter's {@code handover.audience})
 * @param adapterSigningCertificate the adapter's handover signing certificate (PEM); the only key that verifies the token
 * @param decryptionKey our handover decryption key (PKCS#8 PEM, RSA &ge; 2048 bits); the adapter encrypts to its certificate
 * @param pseudonymKey base64 of at least 32 random bytes: the HMAC key under which card pseudonyms are stored
 * @param clockSkew tolerated at both edges of the token's time window, at most 2 minutes
 */
@Validated
@ConfigurationProperties("buergerkonto.eid")
public record EidProperties(
        URI adapterStartUrl,
        URI callbackUrl,
        String adapterIssuer,
        String audience,
        Resource adapterSigningCertificate,
        Resource decryptionKey,
        String pseudonymKey,
        Duration clockSkew) {

    static final String PREFIX = "buergerkonto.eid";
    static final String ENABLED_BY = PREFIX + ".adapter-start-url";
    static final int MIN_PSEUDONYM_KEY_BYTES = 32;
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);

    public EidProperties {
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }

    /** Whether the ID card is offered at all. */
    public boolean enabled() {
        return adapterStartUrl != null;
    }

    @AssertTrue(message = "with adapter-start-url set, callback-url, adapter-issuer, audience, adapter-signing-certificate, "
            + "decryption-key and pseudonym-key (base64 of at least 32 bytes) are required, and clock-skew is at most 2 minutes")
    public boolean isComplete() {
        return !enabled() || missing().isEmpty();
    }

    /** The settings that are missing or malformed, named as properties. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (callbackUrl == null || !callbackUrl.isAbsolute()) {
            missing.add(PREFIX + ".callback-url");
        }
        if (adapterIssuer == null || adapterIssuer.isBlank()) {
            missing.add(PREFIX + ".adapter-issuer");
        }
        if (audience == null || audience.isBlank()) {
            missing.add(PREFIX + ".audience");
        }
        if (adapterSigningCertificate == null) {
            missing.add(PREFIX + ".adapter-signing-certificate");
        }
        if (decryptionKey == null) {
            missing.add(PREFIX + ".decryption-key");
        }
        if (pseudonymKeyBytesOrNull() == null) {
            missing.add(PREFIX + ".pseudonym-key");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            missing.add(PREFIX + ".clock-skew");
        }
        return missing;
    }

    /** The raw HMAC key; only called when enabled and validated. */
    byte[] pseudonymKeyBytes() {
        byte[] key = pseudonymKeyBytesOrNull();
        if (key == null) {
            throw new IllegalStateException(PREFIX + ".pseudonym-key is not base64 of at least 32 bytes");
        }
        return key;
    }

    private byte[] pseudonymKeyBytesOrNull() {
        if (pseudonymKey == null) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(pseudonymKey.trim());
            return key.length >= MIN_PSEUDONYM_KEY_BYTES ? key : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "EidProperties[adapterStartUrl=" + adapterStartUrl + ", callbackUrl=" + callbackUrl
                + ", pseudonymKey=(hidden)]";
    }
}
