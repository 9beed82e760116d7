package de.buergerkonto.eidadapter.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the PEM files eID-Server operators and {@code openssl} hand out: X.509 certificates and
 * unencrypted private keys (PKCS#8 {@code PRIVATE KEY} or PKCS#1 {@code RSA PRIVATE KEY}).
 * Error messages never contain key material.
 */
public final class PemKeys {

    private PemKeys() {
    }

    public static X509Certificate certificate(String pem) {
        Object object = readSingle(pem, "certificate");
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new IllegalArgumentException("The PEM text does not hold a certificate");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException | IOException e) {
            throw new IllegalArgumentException("The certificate could not be read", e);
        }
    }

    public static PrivateKey privateKey(String pem) {
        Object object = readSingle(pem, "private key");
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The private key could not be read", e);
        }
        throw new IllegalArgumentException("The PEM text does not hold an unencrypted private key");
    }

    private static Object readSingle(String pem, String what) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IllegalArgumentException("No PEM " + what + " found");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("The PEM " + what + " could not be parsed", e);
        }
    }
}
