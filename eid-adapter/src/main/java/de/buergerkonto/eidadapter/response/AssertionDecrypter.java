package de.buergerkonto.eidadapter.response;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.Set;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.saml2.encryption.EncryptedElementTypeEncryptedKeyResolver;
import org.opensaml.security.credential.BasicCredential;
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.DecryptionParameters;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Decrypts the {@code EncryptedAssertion} with our RSA key through OpenSAML's {@link Decrypter},
 * restricted to an allowlist: AES-GCM content encryption (XML Encryption 1.1; CBC modes are
 * open to padding-oracle attacks) and RSA-OAEP key transport with a SHA-2 digest (BSI TR-03116-4;
 * never RSA PKCS#1 v1.5). The decrypted XML is parsed by the hardened decryption parser pool
 * {@link de.buergerkonto.eidadapter.saml.OpenSamlBootstrap} installs.
 */
final class AssertionDecrypter {

    private static final Set<String> ALLOWED_ALGORITHMS = Set.of(
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
            EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP,
            EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11,
            EncryptionConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            EncryptionConstants.ALGO_ID_DIGEST_SHA512,
            // the mask generation function; MGF1 with SHA-1 is the implicit one of rsa-oaep-mgf1p and not a weakness
            EncryptionConstants.ALGO_ID_MGF1_SHA1,
            EncryptionConstants.ALGO_ID_MGF1_SHA256,
            EncryptionConstants.ALGO_ID_MGF1_SHA384,
            EncryptionConstants.ALGO_ID_MGF1_SHA512);

    private final Credential decryptionCredential;

    AssertionDecrypter(PrivateKey decryptionKey) {
        this.decryptionCredential = new BasicCredential(publicKeyOf(decryptionKey), decryptionKey);
    }

    Assertion decrypt(EncryptedAssertion encrypted) throws EidResponseException {
        DecryptionParameters parameters = new DecryptionParameters();
        parameters.setKEKKeyInfoCredentialResolver(new StaticKeyInfoCredentialResolver(decryptionCredential));
        parameters.setEncryptedKeyResolver(new ChainingEncryptedKeyResolver(List.of(
                new InlineEncryptedKeyResolver(), new EncryptedElementTypeEncryptedKeyResolver())));
        parameters.setWhitelistedAlgorithms(ALLOWED_ALGORITHMS);
        Decrypter decrypter = new Decrypter(parameters);
        // the assertion becomes the root of its own document: its signature, if any, is then checked in isolation
        decrypter.setRootInNewDocument(true);
        try {
            return decrypter.decrypt(encrypted);
        } catch (DecryptionException e) {
            throw new EidResponseException(EidError.DECRYPTION_FAILED, null, e);
        }
    }

    /** OpenSAML's credential wants the public half too; an RSA CRT key (every PKCS#8 key) carries it. */
    private static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalArgumentException("The decryption key must be an RSA private key with CRT parameters");
        }
        try {
            BigInteger modulus = rsa.getModulus();
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required of every JDK", e);
        }
    }
}
