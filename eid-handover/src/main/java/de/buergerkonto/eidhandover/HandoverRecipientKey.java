package de.buergerkonto.eidhandover;

import com.nimbusds.jose.jwk.RSAKey;

/** Where the auth-server's current RSA encryption key for the handover token comes from. */
@FunctionalInterface
public interface HandoverRecipientKey {

    /**
     * @throws HandoverKeyUnavailableException when the key cannot be obtained now (JWKS unreachable,
     *         slow, or without a suitable key): no token can be written
     */
    RSAKey current() throws HandoverKeyUnavailableException;
}
