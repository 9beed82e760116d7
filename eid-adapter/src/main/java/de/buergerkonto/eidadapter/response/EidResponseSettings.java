package de.buergerkonto.eidadapter.response;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;

import de.buergerkonto.eidadapter.binding.RedirectBindingLimits;

/**
 * What {@link EidResponseValidator} checks a response against: who may send it, to whom, and
 * with which keys. Bound from configuration and validated at startup.
 *
 * @param eidServerEntityId the eID-Server's entity ID, the only {@code Issuer} accepted
 * @param eidServerCertificate verifies the redirect signature and any XML signature; nothing else does
 * @param serviceProviderEntityId our entity ID, the {@code Audience} required
 * @param assertionConsumerUrl our ACS URL, the {@code Destination} and {@code Recipient} required
 * @param decryptionKey our private key the assertion is encrypted for
 * @param clockSkew allowed difference between our clock and the eID-Server's, at both edges of every window
 * @param limits size limits for the received message
 */
public record EidResponseSettings(
        String eidServerEntityId,
        X509Certificate eidServerCertificate,
        String serviceProviderEntityId,
        String assertionConsumerUrl,
        PrivateKey decryptionKey,
        Duration clockSkew,
        RedirectBindingLimits limits) {

    /** More skew than this would turn the one-minute validity of eID responses into a formality. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);

    public EidResponseSettings {
        requireText(eidServerEntityId, "eidServerEntityId");
        Objects.requireNonNull(eidServerCertificate, "eidServerCertificate");
        requireText(serviceProviderEntityId, "serviceProviderEntityId");
        requireText(assertionConsumerUrl, "assertionConsumerUrl");
        Objects.requireNonNull(decryptionKey, "decryptionKey");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(limits, "limits");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }
}
