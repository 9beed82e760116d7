package de.buergerkonto.eidhandover;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/** The auth-server's encryption key from a configured certificate; its {@code kid} is the RFC 7638 thumbprint. */
public final class StaticRecipientKey implements HandoverRecipientKey {

    private final RSAKey key;

    public StaticRecipientKey(X509Certificate certificate) {
        try {
            this.key = new RSAKey.Builder((RSAPublicKey) certificate.getPublicKey())
                    .keyUse(KeyUse.ENCRYPTION)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not compute the thumbprint of the handover recipient key", e);
        }
    }

    @Override
    public RSAKey current() {
        return key;
    }
}
