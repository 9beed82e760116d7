package de.buergerkonto.eidadapter.simulator;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.credential.BasicCredential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.EncryptionException;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.RSAOAEPParameters;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;

import de.buergerkonto.eidadapter.binding.RedirectBindingEncoder;
import de.buergerkonto.eidadapter.binding.SamlParameter;
import de.buergerkonto.eidadapter.binding.SignatureAlgorithm;
import de.buergerkonto.eidadapter.saml.SamlMessageParseException;
import de.buergerkonto.eidadapter.saml.SamlMessageParser;
import de.buergerkonto.eidadapter.saml.SamlMessageSerializer;

/**
 * A SAML Response as a TR-03130 eID-Server sends it (modelled on the recorded Governikus one):
 * the assertion ({@link EidAssertionXml}) unsigned and encrypted to the service provider with
 * AES-256-GCM and RSA-OAEP (SHA-256 digest, key inline), sent through the HTTP-Redirect binding
 * signed with RSASSA-PSS SHA-256. Used by the simulated eID-Server and, with deliberate
 * deviations (plain assertion, CBC, another key, an XML signature), by the tests.
 */
public final class EidServerResponse {

    public static final String SUCCESS = "<saml2p:Status><saml2p:StatusCode"
            + " Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></saml2p:Status>";
    /** The eCard-API result minor codes (TR-03112) as eID-Servers quote them in the status message. */
    public static final String RESULT_MINOR = "http://www.bsi.bund.de/ecard/api/1.1/resultminor/";

    private final String responseId;
    private final String issuer;
    private final String destination;
    private final String inResponseTo;
    private final Instant issued;
    private String status = SUCCESS;
    private String assertionXml;
    private boolean encrypted = true;
    private String dataEncryptionAlgorithm = EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM;
    private PublicKey encryptedFor;
    private PrivateKey xmlSigningKey;
    private PublicKey xmlSigningPublicKey;
    private String xmlSignatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;

    public EidServerResponse(String responseId, String issuer, String destination, String inResponseTo, Instant issued) {
        this.responseId = responseId;
        this.issuer = issuer;
        this.destination = destination;
        this.inResponseTo = inResponseTo;
        this.issued = issued;
    }

    /** The {@code saml2p:Status} element's XML; {@link #SUCCESS} by default. */
    public EidServerResponse status(String statusXml) {
        this.status = statusXml;
        return this;
    }

    /** The assertion's XML and the key it is encrypted for; without a call, the response has no assertion. */
    public EidServerResponse assertion(String xml, PublicKey recipient) {
        this.assertionXml = xml;
        this.encryptedFor = recipient;
        return this;
    }

    /** Puts the assertion in plain text: what eID-Servers never do and the adapter refuses. */
    public EidServerResponse unencrypted() {
        this.encrypted = false;
        return this;
    }

    public EidServerResponse encryptedWith(String dataAlgorithm) {
        this.dataEncryptionAlgorithm = dataAlgorithm;
        return this;
    }

    /** Adds an enveloped XML signature to the Response: required by HTTP-POST, optional with HTTP-Redirect. */
    public EidServerResponse xmlSigned(PrivateKey key, PublicKey publicKey, String algorithm) {
        this.xmlSigningKey = key;
        this.xmlSigningPublicKey = publicKey;
        this.xmlSignatureAlgorithm = algorithm;
        return this;
    }

    /** A failed status with an eCard-API minor code in the message, e.g. {@code sal#cancellationByUser}. */
    public static String failedStatus(String topLevel, String resultMinor) {
        return "<saml2p:Status><saml2p:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:" + topLevel + "\">"
                + "<saml2p:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:AuthnFailed\"/></saml2p:StatusCode>"
                + "<saml2p:StatusMessage>" + EidAssertionXml.escape(resultMinor) + "</saml2p:StatusMessage></saml2p:Status>";
    }

    /** The query the eID-Server redirects the browser to the ACS URL with (SAML bindings 3.4.4.1). */
    public String redirectQuery(PrivateKey signingKey, Optional<String> relayState) {
        return new RedirectBindingEncoder(SignatureAlgorithm.RSA_PSS_SHA256, signingKey)
                .encode(SamlParameter.SAML_RESPONSE, xml(), relayState);
    }

    /** The {@code SAMLResponse} form field of the HTTP-POST binding (SAML bindings 3.5.4): base64, no DEFLATE. */
    public String postField() {
        return Base64.getEncoder().encodeToString(xml());
    }

    /** The Response's XML bytes. */
    public byte[] xml() {
        try {
            SamlMessageParser parser = new SamlMessageParser();
            String responseXml = "<saml2p:Response xmlns:saml2p=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                    + " Destination=\"" + EidAssertionXml.escape(destination) + "\" ID=\"" + EidAssertionXml.escape(responseId)
                    + "\" InResponseTo=\"" + EidAssertionXml.escape(inResponseTo) + "\""
                    + " IssueInstant=\"" + EidAssertionXml.instant(issued) + "\" Version=\"2.0\">"
                    + "<saml2:Issuer xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
                    + EidAssertionXml.escape(issuer) + "</saml2:Issuer>"
                    + status + "</saml2p:Response>";
            Response response = parser.parse(bytes(responseXml), Response.class);
            if (assertionXml != null) {
                Assertion assertion = parser.parse(bytes(assertionXml), Assertion.class);
                if (encrypted) {
                    response.getEncryptedAssertions().add(encrypter().encrypt(assertion));
                } else {
                    response.getAssertions().add(assertion);
                }
            }
            if (xmlSigningKey != null) {
                sign(response);
            }
            return new SamlMessageSerializer().serialize(response);
        } catch (SamlMessageParseException | EncryptionException | MarshallingException | SignatureException e) {
            throw new IllegalStateException("The simulated eID-Server could not build its response", e);
        }
    }

    private void sign(Response response) throws MarshallingException, SignatureException {
        Signature signature = (Signature) XMLObjectSupport.buildXMLObject(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(new BasicCredential(xmlSigningPublicKey, xmlSigningKey));
        signature.setSignatureAlgorithm(xmlSignatureAlgorithm);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        response.setSignature(signature);
        XMLObjectSupport.marshall(response);
        Signer.signObject(signature);
    }

    private Encrypter encrypter() {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(dataEncryptionAlgorithm);
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setAlgorithm(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        key.setRSAOAEPParameters(new RSAOAEPParameters(EncryptionConstants.ALGO_ID_DIGEST_SHA256, null, null));
        key.setEncryptionCredential(new BasicCredential(encryptedFor));
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        return encrypter;
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
