package de.buergerkonto.eidadapter.response;

import java.util.Set;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

import de.buergerkonto.eidadapter.binding.SignatureAlgorithm;

/**
 * Checks an enveloped XML signature on a Response or Assertion, when there is one: first the
 * SAML signature profile (SAML 2.0 core 5.4: one same-document reference to the signed element's
 * own ID, only the enveloped and exclusive-c14n transforms; this is what defeats signature
 * wrapping), then the algorithm allowlist, then the cryptography with the configured eID-Server
 * credential and nothing else (never a key from the message's {@code KeyInfo}).
 */
final class XmlSignatureCheck {

    private static final Set<String> ALLOWED_DIGESTS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    private final SAMLSignatureProfileValidator profileValidator = new SAMLSignatureProfileValidator();
    private final Credential eidServerCredential;

    XmlSignatureCheck(Credential eidServerCredential) {
        this.eidServerCredential = eidServerCredential;
    }

    /** Verifies {@code signed}'s signature if it has one; an absent one is the caller's decision. */
    void verifyIfSigned(SignableSAMLObject signed, String what) throws EidResponseException {
        Signature signature = signed.getSignature();
        if (signature == null) {
            return;
        }
        try {
            profileValidator.validate(signature);
        } catch (SignatureException e) {
            throw new EidResponseException(EidError.SIGNATURE_INVALID, what + " signature breaks the SAML profile", e);
        }
        if (SignatureAlgorithm.fromUri(signature.getSignatureAlgorithm()).isEmpty()
                || !ALLOWED_DIGESTS.contains(digestAlgorithm(signature))) {
            throw new EidResponseException(EidError.SIGNATURE_ALGORITHM_NOT_ALLOWED, what + " XML signature");
        }
        try {
            SignatureValidator.validate(signature, eidServerCredential);
        } catch (SignatureException e) {
            throw new EidResponseException(EidError.SIGNATURE_INVALID, what + " XML signature", e);
        }
    }

    /** The digest of the one reference the profile validator has just required. */
    private static String digestAlgorithm(Signature signature) throws EidResponseException {
        XMLSignature xmlSignature = ((SignatureImpl) signature).getXMLSignature();
        try {
            return xmlSignature.getSignedInfo().item(0).getMessageDigestAlgorithm().getAlgorithmURI();
        } catch (XMLSecurityException e) {
            throw new EidResponseException(EidError.SIGNATURE_INVALID, "unreadable signature reference", e);
        }
    }
}
