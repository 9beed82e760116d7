package de.buergerkonto.eidadapter.response;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
import de.buergerkonto.eidadapter.binding.RedirectBindingLimits;
import de.buergerkonto.eidadapter.binding.SamlParameter;
import de.buergerkonto.eidadapter.binding.SignatureAlgorithm;
import de.buergerkonto.eidadapter.saml.SamlMessageParseException;
import de.buergerkonto.eidadapter.saml.SamlMessageParser;
import de.buergerkonto.eidadapter.saml.SamlMessageSerializer;

/**
 * Responses built like the recorded real one (redirect binding, RSASSA-PSS, an unsigned assertion
 * encrypted with AES-256-GCM and RSA-OAEP, one minute valid), with test keys, for the cases a
 * recorded response cannot show: eID failures, an expired card, a plain assertion, odd conditions.
 * Each test edits the XML text before it is encrypted and signed.
 */
final class HandBuiltResponse {

    static final KeyPair EID_SERVER_KEYS = TestKeys.rsa(2048);
    static final X509Certificate EID_SERVER_CERTIFICATE = TestKeys.selfSigned(EID_SERVER_KEYS, "eID-Server");
    static final KeyPair SP_KEYS = TestKeys.rsa(2048);

    static final String ISSUER = "https://eid-server.example/gw";
    static final String SP_ENTITY_ID = "https://buergerkonto.example";
    static final String ACS_URL = "https://buergerkonto.example/eid/acs";
    static final String REQUEST_ID = "_request-1";
    static final String RELAY_STATE = "relay-1";
    static final Instant ISSUED = Instant.parse("2024-06-01T10:00:00.000Z");
    static final Instant NOW = ISSUED.plusSeconds(20);

    static final String SUCCESS = "<saml2p:Status><saml2p:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/>"
            + "</saml2p:Status>";

    private static final String ATTRIBUTES = attribute("RestrictedID",
            "<saml2:AttributeValue xsi:type=\"eid:RestrictedIDType\"><eid:ID>abcdef0123456789</eid:ID></saml2:AttributeValue>")
            + attribute("LevelOfAssurance", "<saml2:AttributeValue xsi:type=\"eid:LevelOfAssuranceType\">"
                    + "http://bsi.bund.de/eID/LoA/hoch</saml2:AttributeValue>")
            + attribute("DocumentValidity", "<saml2:AttributeValue xsi:type=\"eid:DocumentValidityResultType\">"
                    + "<eid:ReferenceDate>2024-06-01</eid:ReferenceDate><eid:Status>valid</eid:Status></saml2:AttributeValue>")
            + attribute("GivenNames", "<saml2:AttributeValue xsi:type=\"xsd:string\">ERIKA</saml2:AttributeValue>");

    static final String ASSERTION = "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\""
            + " ID=\"_assertion-1\" IssueInstant=\"2024-06-01T10:00:00.000Z\" Version=\"2.0\">"
            + "<saml2:Issuer>" + ISSUER + "</saml2:Issuer>"
            + "<saml2:Subject><saml2:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\">t</saml2:NameID>"
            + "<saml2:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
            + "<saml2:SubjectConfirmationData InResponseTo=\"" + REQUEST_ID + "\" NotOnOrAfter=\"2024-06-01T10:01:00.000Z\""
            + " Recipient=\"" + ACS_URL + "\"/></saml2:SubjectConfirmation></saml2:Subject>"
            + "<saml2:Conditions NotBefore=\"2024-06-01T10:00:00.000Z\" NotOnOrAfter=\"2024-06-01T10:01:00.000Z\">"
            + "<saml2:AudienceRestriction><saml2:Audience>" + SP_ENTITY_ID + "</saml2:Audience></saml2:AudienceRestriction>"
            + "<saml2:OneTimeUse/></saml2:Conditions>"
            + "<saml2:AuthnStatement AuthnInstant=\"2024-06-01T10:00:00.000Z\"><saml2:AuthnContext>"
            + "<saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI</saml2:AuthnContextClassRef>"
            + "</saml2:AuthnContext></saml2:AuthnStatement>"
            + "<saml2:AttributeStatement xmlns:eid=\"http://bsi.bund.de/eID/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + ATTRIBUTES + "</saml2:AttributeStatement>"
            + "</saml2:Assertion>";

    private String status = SUCCESS;
    private UnaryOperator<String> assertionEdit = UnaryOperator.identity();
    private boolean encrypted = true;
    private String dataEncryptionAlgorithm = EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM;
    private KeyPair encryptedFor = SP_KEYS;
    private KeyPair xmlSignedWith;
    private String xmlSignatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;

    static HandBuiltResponse successful() {
        return new HandBuiltResponse();
    }

    /** A failed response: no assertion, the given status. */
    static HandBuiltResponse failed(String statusXml) {
        HandBuiltResponse response = new HandBuiltResponse();
        response.status = statusXml;
        response.assertionEdit = null;
        return response;
    }

    HandBuiltResponse assertion(UnaryOperator<String> edit) {
        assertionEdit = edit;
        return this;
    }

    HandBuiltResponse unencrypted() {
        encrypted = false;
        return this;
    }

    HandBuiltResponse encryptedWith(String dataAlgorithm) {
        dataEncryptionAlgorithm = dataAlgorithm;
        return this;
    }

    HandBuiltResponse encryptedFor(KeyPair recipient) {
        encryptedFor = recipient;
        return this;
    }

    /** Adds an enveloped XML signature to the Response, which the redirect binding does not need. */
    HandBuiltResponse xmlSigned(KeyPair signer, String algorithm) {
        xmlSignedWith = signer;
        xmlSignatureAlgorithm = algorithm;
        return this;
    }

    static EidResponseSettings settings() {
        return new EidResponseSettings(ISSUER, EID_SERVER_CERTIFICATE, SP_ENTITY_ID, ACS_URL, SP_KEYS.getPrivate(),
                Duration.ofSeconds(30), RedirectBindingLimits.DEFAULT);
    }

    static ExpectedResponse expected() {
        return new ExpectedResponse(REQUEST_ID, Optional.of(RELAY_STATE));
    }

    /** The raw query the eID-Server would redirect the browser with. */
    String query() throws SamlMessageParseException, EncryptionException, MarshallingException, SignatureException {
        SamlMessageParser parser = new SamlMessageParser();
        String responseXml = "<saml2p:Response xmlns:saml2p=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " Destination=\"" + ACS_URL + "\" ID=\"_response-1\" InResponseTo=\"" + REQUEST_ID + "\""
                + " IssueInstant=\"2024-06-01T10:00:00.000Z\" Version=\"2.0\">"
                + "<saml2:Issuer xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + ISSUER + "</saml2:Issuer>"
                + status + "</saml2p:Response>";
        Response response = parser.parse(bytes(responseXml), Response.class);
        if (assertionEdit != null) {
            Assertion assertion = parser.parse(bytes(assertionEdit.apply(ASSERTION)), Assertion.class);
            if (encrypted) {
                response.getEncryptedAssertions().add(encrypter().encrypt(assertion));
            } else {
                response.getAssertions().add(assertion);
            }
        }
        if (xmlSignedWith != null) {
            sign(response);
        }
        byte[] xml = new SamlMessageSerializer().serialize(response);
        return new RedirectBindingEncoder(SignatureAlgorithm.RSA_PSS_SHA256, EID_SERVER_KEYS.getPrivate())
                .encode(SamlParameter.SAML_RESPONSE, xml, Optional.of(RELAY_STATE));
    }

    private void sign(Response response) throws MarshallingException, SignatureException {
        Signature signature = (Signature) XMLObjectSupport.buildXMLObject(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(new BasicCredential(xmlSignedWith.getPublic(), xmlSignedWith.getPrivate()));
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
        key.setEncryptionCredential(new BasicCredential(encryptedFor.getPublic()));
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        return encrypter;
    }

    static String statusWithMessage(String topLevel, String message) {
        return "<saml2p:Status><saml2p:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:" + topLevel + "\">"
                + "<saml2p:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:AuthnFailed\"/></saml2p:StatusCode>"
                + "<saml2p:StatusMessage>" + message + "</saml2p:StatusMessage></saml2p:Status>";
    }

    private static String attribute(String name, String values) {
        return "<saml2:Attribute Name=\"" + name + "\">" + values + "</saml2:Attribute>";
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
