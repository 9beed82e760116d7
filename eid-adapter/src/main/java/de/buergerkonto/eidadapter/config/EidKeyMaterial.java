package de.buergerkonto.eidadapter.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;

import de.buergerkonto.eidadapter.keys.PemKeys;

/**
 * The keys and certificates of {@link EidAdapterProperties}, read once at startup and checked:
 * every key RSA of at least {@value #MIN_RSA_BITS} bits (BSI TR-02102-1), every private key the
 * partner of its certificate. A failure names the property and never shows key material.
 *
 * @param spSigningKey signs our AuthnRequests
 * @param spSigningCertificate published in the metadata; verifies our AuthnRequests
 * @param spDecryptionKey opens the assertions encrypted for us
 * @param spDecryptionCertificate published in the metadata; the eID-Server encrypts for it
 * @param eidServerCertificate verifies the eID-Server's responses
 * @param handoverSigningKey signs the handover token
 * @param handoverSigningCertificate the public half the auth-server verifies the handover token with
 * @param handoverRecipientCertificate the auth-server's encryption certificate, when configured as PEM
 */
public record EidKeyMaterial(
        PrivateKey spSigningKey,
        X509Certificate spSigningCertificate,
        PrivateKey spDecryptionKey,
        X509Certificate spDecryptionCertificate,
        X509Certificate eidServerCertificate,
        PrivateKey handoverSigningKey,
        X509Certificate handoverSigningCertificate,
        Optional<X509Certificate> handoverRecipientCertificate) {

    static final int MIN_RSA_BITS = 2048;
    private static final String PREFIX = "eid-adapter.";

    /** Reads and checks every key of {@code properties}. */
    public static EidKeyMaterial load(EidAdapterProperties properties) {
        EidAdapterProperties.ServiceProvider sp = properties.serviceProvider();
        EidAdapterProperties.Handover handover = properties.handover();
        PrivateKey spSigningKey = privateKey(sp.signingKey(), "service-provider.signing-key");
        X509Certificate spSigningCertificate = certificate(sp.signingCertificate(), "service-provider.signing-certificate");
        requirePair(spSigningKey, spSigningCertificate, "service-provider.signing-key");
        PrivateKey spDecryptionKey = privateKey(sp.decryptionKey(), "service-provider.decryption-key");
        X509Certificate spDecryptionCertificate = certificate(sp.decryptionCertificate(),
                "service-provider.decryption-certificate");
        requirePair(spDecryptionKey, spDecryptionCertificate, "service-provider.decryption-key");
        X509Certificate eidServerCertificate = certificate(properties.eidServer().signingCertificate(),
                "eid-server.signing-certificate");
        PrivateKey handoverSigningKey = privateKey(handover.signingKey(), "handover.signing-key");
        X509Certificate handoverSigningCertificate = certificate(handover.signingCertificate(),
                "handover.signing-certificate");
        requirePair(handoverSigningKey, handoverSigningCertificate, "handover.signing-key");
        Optional<X509Certificate> recipient = Optional.ofNullable(handover.recipientCertificate())
                .map(resource -> certificate(resource, "handover.recipient-certificate"));
        return new EidKeyMaterial(spSigningKey, spSigningCertificate, spDecryptionKey, spDecryptionCertificate,
                eidServerCertificate, handoverSigningKey, handoverSigningCertificate, recipient);
    }

    static PrivateKey privateKey(Resource resource, String property) {
        PrivateKey key;
        try {
            key = PemKeys.privateKey(read(resource, property));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PREFIX + property + ": " + e.getMessage(), e);
        }
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException(PREFIX + property + ": must be an RSA private key");
        }
        requireStrength(rsa.getModulus().bitLength(), property);
        return key;
    }

    static X509Certificate certificate(Resource resource, String property) {
        X509Certificate certificate;
        try {
            certificate = PemKeys.certificate(read(resource, property));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PREFIX + property + ": " + e.getMessage(), e);
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException(PREFIX + property + ": must hold an RSA public key");
        }
        requireStrength(rsa.getModulus().bitLength(), property);
        return certificate;
    }

    private static void requirePair(PrivateKey key, X509Certificate certificate, String property) {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) key;
        RSAPublicKey publicKey = (RSAPublicKey) certificate.getPublicKey();
        if (!privateKey.getModulus().equals(publicKey.getModulus())
                || !privateKey.getPublicExponent().equals(publicKey.getPublicExponent())) {
            throw new IllegalStateException(PREFIX + property + ": does not belong to its certificate");
        }
    }

    private static void requireStrength(int bits, String property) {
        if (bits < MIN_RSA_BITS) {
            throw new IllegalStateException(PREFIX + property + ": RSA key of " + bits + " bits, at least "
                    + MIN_RSA_BITS + " required");
        }
    }

    private static String read(Resource resource, String property) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(PREFIX + property + ": cannot be read from " + resource.getDescription(), e);
        }
    }

    /** Every public key this material holds or certifies, for the production guard's demo-key check. */
    List<PublicKey> publicKeys() {
        List<PublicKey> keys = new ArrayList<>(List.of(
                spSigningCertificate.getPublicKey(), spDecryptionCertificate.getPublicKey(),
                eidServerCertificate.getPublicKey(), handoverSigningCertificate.getPublicKey()));
        handoverRecipientCertificate.ifPresent(certificate -> keys.add(certificate.getPublicKey()));
        return keys;
    }
}
