package de.buergerkonto.authserver.eid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import org.springframework.core.io.Resource;

/**
 * The handover keys read from PEM and checked once at startup: the adapter's signing
 * certificate and our decryption key, both RSA of at least 2048 bits. A key that cannot be read
 * stops the start with a message naming the property.
 */
record EidKeyMaterial(RSAPublicKey adapterSigningKey, PrivateKey decryptionKey) {

    static final int MIN_RSA_BITS = 2048;

    static EidKeyMaterial load(EidProperties properties) {
        X509Certificate adapter = certificate(properties.adapterSigningCertificate(),
                EidProperties.PREFIX + ".adapter-signing-certificate");
        if (!(adapter.getPublicKey() instanceof RSAPublicKey adapterKey) || adapterKey.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException(EidProperties.PREFIX + ".adapter-signing-certificate must hold an RSA key of at least "
                    + MIN_RSA_BITS + " bits");
        }
        PrivateKey decryption = privateKey(properties.decryptionKey(), EidProperties.PREFIX + ".decryption-key");
        if (!(decryption instanceof RSAPrivateCrtKey crt) || crt.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException(EidProperties.PREFIX + ".decryption-key must be an RSA key of at least "
                    + MIN_RSA_BITS + " bits (PKCS#8)");
        }
        return new EidKeyMaterial(adapterKey, decryption);
    }

    /** The public half of a PKCS#8 RSA private key (to compare it with the demo keys). */
    static RSAPublicKey publicKeyOfPrivate(Resource resource, String property) {
        PrivateKey key = privateKey(resource, property);
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException(property + " is not an RSA private key");
        }
        return publicOf(crt);
    }

    static X509Certificate certificate(Resource resource, String property) {
        try (InputStream in = resource.getInputStream()) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(property + " is not a readable X.509 certificate (PEM): " + resource, e);
        }
    }

    static PrivateKey privateKey(Resource resource, String property) {
        try (InputStream in = resource.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not a readable PKCS#8 RSA private key (PEM): " + resource, e);
        }
    }

    private static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
