package de.buergerkonto.eidadapter.response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.buergerkonto.eidadapter.binding.RedirectBindingDecoder;
import de.buergerkonto.eidadapter.binding.RedirectBindingException;
import de.buergerkonto.eidadapter.binding.RedirectMessage;
import de.buergerkonto.eidadapter.binding.RedirectSignatureVerifier;
import de.buergerkonto.eidadapter.binding.SamlParameter;
import de.buergerkonto.eidadapter.binding.SignatureAlgorithm;
import de.buergerkonto.eidadapter.identity.EidIdentity;
import de.buergerkonto.eidadapter.replay.AssertionReplayCache;
import de.buergerkonto.eidadapter.saml.SamlMessageParseException;
import de.buergerkonto.eidadapter.saml.SamlMessageParser;

/**
 * Validates an eID-Server's response received through the HTTP-Redirect binding (BSI TR-03130
 * SAML profile) and turns it into an {@link EidIdentity}, in numbered steps, each refusing with
 * its own {@link EidError}:
 *
 * <ol>
 * <li>decode: query, base64, raw DEFLATE with size limits, hardened XML parse, a SAML 2.0 Response</li>
 * <li>signature algorithm on the allowlist; unsigned responses refused</li>
 * <li>redirect signature over the raw query, with the configured eID-Server certificate</li>
 * <li>the Response's XML signature, if any: SAML profile, algorithm, cryptography</li>
 * <li>status: success, or the eID failure mapped to an {@link EidStatusReason}</li>
 * <li>issuer: the configured eID-Server</li>
 * <li>destination: our assertion consumer URL</li>
 * <li>InResponseTo: the request this session sent</li>
 * <li>RelayState: the one this session sent</li>
 * <li>decryption: exactly one EncryptedAssertion, no plain one; then the assertion's issuer and
 *     XML signature, if any</li>
 * <li>to 14. the assertion's audience, recipient, time window and one-time use, in
 *     {@link AssertionValidator}</li>
 * <li value="15">attribute mapping</li>
 * </ol>
 *
 * <p>The order is deliberate: nothing is trusted before the signature over the whole message
 * has verified (step 3), and no cryptography runs on an algorithm we do not accept (step 2). The
 * XML is parsed in step 1, before the signature is checked, because its parser is hardened (no
 * DOCTYPE) and a document that cannot be parsed is refused as MALFORMED whatever it claims.
 *
 * <p>No HTTP: the raw query string and the session's {@link ExpectedResponse} go in, with the time
 * from the {@link Clock} given at construction; an identity or an {@link EidResponseException}
 * comes out. Thread-safe. Logs the refusal reason only, never response content.
 */
public final class EidResponseValidator {

    private static final Logger log = LoggerFactory.getLogger(EidResponseValidator.class);

    private final EidResponseSettings settings;
    private final Clock clock;
    private final RedirectBindingDecoder decoder;
    private final RedirectSignatureVerifier querySignatureVerifier = new RedirectSignatureVerifier();
    private final SamlMessageParser parser = new SamlMessageParser();
    private final XmlSignatureCheck xmlSignatureCheck;
    private final AssertionDecrypter decrypter;
    private final AssertionValidator assertionValidator;

    public EidResponseValidator(EidResponseSettings settings, AssertionReplayCache replayCache, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.decoder = new RedirectBindingDecoder(settings.limits());
        this.xmlSignatureCheck = new XmlSignatureCheck(new BasicX509Credential(settings.eidServerCertificate()));
        this.decrypter = new AssertionDecrypter(settings.decryptionKey());
        this.assertionValidator = new AssertionValidator(settings, replayCache);
    }

    /**
     * Runs every step on {@code rawQuery}, the query string exactly as received (without {@code ?}):
     * the HTTP-Redirect binding, which eID-Servers use.
     *
     * @throws EidResponseException naming the first step that refused the response
     */
    public EidIdentity validate(String rawQuery, ExpectedResponse expected) throws EidResponseException {
        try {
            Decoded decoded = decode(rawQuery);
            SignatureAlgorithm algorithm = checkSignatureAlgorithm(decoded.message());
            verifyQuerySignature(decoded.message(), algorithm);
            verifyResponseXmlSignature(decoded.response());
            return checkResponse(decoded.response(), decoded.message().relayState(), expected);
        } catch (EidResponseException e) {
            throw logged(e);
        }
    }

    /**
     * Runs every step on a response received through the HTTP-POST binding (SAML 2.0 bindings
     * 3.5): {@code SAMLResponse} is base64 without DEFLATE, and the Response itself must carry
     * an XML signature by the eID-Server (3.5.5.2), which replaces steps 2 and 3; the other
     * steps are the same.
     *
     * @param base64Response the {@code SAMLResponse} form field
     * @param relayState the {@code RelayState} form field, if sent
     * @throws EidResponseException naming the first step that refused the response
     */
    public EidIdentity validatePost(String base64Response, Optional<String> relayState, ExpectedResponse expected)
            throws EidResponseException {
        try {
            Response response = decodePost(base64Response);
            if (response.getSignature() == null) {
                throw new EidResponseException(EidError.SIGNATURE_MISSING, "HTTP-POST without XML signature");
            }
            verifyResponseXmlSignature(response);
            return checkResponse(response, relayState, expected);
        } catch (EidResponseException e) {
            throw logged(e);
        }
    }

    /** Steps 5 to 15, the same for both bindings once the message's signature has verified. */
    private EidIdentity checkResponse(Response response, Optional<String> relayState, ExpectedResponse expected)
            throws EidResponseException {
        checkStatus(response);
        checkIssuer(response.getIssuer(), "Response");
        checkDestination(response);
        checkInResponseTo(response, expected);
        checkRelayState(relayState, expected);
        Assertion assertion = decryptAssertion(response);
        return assertionValidator.validate(assertion, response, expected, clock.instant());
    }

    private static EidResponseException logged(EidResponseException e) {
        log.info("eID response refused: {} ({})", e.error(), e.statusReason().map(Enum::name).orElse("-"));
        return e;
    }

    /** Step 1. */
    private Decoded decode(String rawQuery) throws EidResponseException {
        RedirectMessage message;
        try {
            message = decoder.decode(rawQuery, SamlParameter.SAML_RESPONSE);
        } catch (RedirectBindingException e) {
            EidError error = e.problem() == RedirectBindingException.Problem.TOO_LARGE
                    ? EidError.MESSAGE_TOO_LARGE : EidError.MALFORMED;
            throw new EidResponseException(error, e.getMessage(), e);
        }
        return new Decoded(message, parseResponse(message.message()));
    }

    /** Step 1 of the HTTP-POST binding: base64 within the size limit, then the same parse. */
    private Response decodePost(String base64Response) throws EidResponseException {
        if (base64Response == null || base64Response.isEmpty()) {
            throw new EidResponseException(EidError.MALFORMED, "No SAMLResponse");
        }
        if (base64Response.length() > settings.limits().maxInflatedBytes() / 3 * 4 + 4) {
            throw new EidResponseException(EidError.MESSAGE_TOO_LARGE, "SAMLResponse form field");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(base64Response);
        } catch (IllegalArgumentException e) {
            throw new EidResponseException(EidError.MALFORMED, "Invalid base64 in SAMLResponse", e);
        }
        return parseResponse(xml);
    }

    private Response parseResponse(byte[] xml) throws EidResponseException {
        Response response;
        try {
            response = parser.parse(xml, Response.class);
        } catch (SamlMessageParseException e) {
            throw new EidResponseException(EidError.MALFORMED, e.getMessage(), e);
        }
        if (response.getVersion() != SAMLVersion.VERSION_20 || response.getID() == null
                || response.getIssueInstant() == null || response.getStatus() == null) {
            throw new EidResponseException(EidError.MALFORMED, "not a complete SAML 2.0 Response");
        }
        return response;
    }

    /** Step 2. */
    private static SignatureAlgorithm checkSignatureAlgorithm(RedirectMessage message) throws EidResponseException {
        if (message.signature().isEmpty() || message.signatureAlgorithm().isEmpty()) {
            throw new EidResponseException(EidError.SIGNATURE_MISSING, null);
        }
        return SignatureAlgorithm.fromUri(message.signatureAlgorithm().get())
                .orElseThrow(() -> new EidResponseException(EidError.SIGNATURE_ALGORITHM_NOT_ALLOWED, "SigAlg"));
    }

    /** Step 3. */
    private void verifyQuerySignature(RedirectMessage message, SignatureAlgorithm algorithm) throws EidResponseException {
        boolean valid = querySignatureVerifier.verify(message.signedContent(), message.signature().orElseThrow(),
                algorithm, settings.eidServerCertificate().getPublicKey());
        if (!valid) {
            throw new EidResponseException(EidError.SIGNATURE_INVALID, "redirect signature");
        }
    }

    /** Step 4. The redirect binding says to drop XML signatures, but one that is there must be valid. */
    private void verifyResponseXmlSignature(Response response) throws EidResponseException {
        xmlSignatureCheck.verifyIfSigned(response, "Response");
    }

    /** Step 5. */
    private static void checkStatus(Response response) throws EidResponseException {
        StatusCode code = response.getStatus().getStatusCode();
        if (code == null || !StatusCode.SUCCESS.equals(code.getValue())) {
            throw new EidResponseException(EidError.STATUS_NOT_SUCCESS, EidStatusReason.of(response.getStatus()),
                    null, null);
        }
    }

    /** Steps 6 and 10: SAML 2.0 profiles 4.1.4.2, the Issuer must be present and of entity format. */
    private void checkIssuer(Issuer issuer, String what) throws EidResponseException {
        if (issuer == null || (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat()))
                || !settings.eidServerEntityId().equals(issuer.getValue())) {
            throw new EidResponseException(EidError.ISSUER_MISMATCH, what);
        }
    }

    /** Step 7: SAML 2.0 bindings 3.4.5.2, a signed message must name its destination. */
    private void checkDestination(Response response) throws EidResponseException {
        if (!settings.assertionConsumerUrl().equals(response.getDestination())) {
            throw new EidResponseException(EidError.DESTINATION_MISMATCH, null);
        }
    }

    /** Step 8. */
    private static void checkInResponseTo(Response response, ExpectedResponse expected) throws EidResponseException {
        if (!constantTimeEquals(expected.requestId(), response.getInResponseTo())) {
            throw new EidResponseException(EidError.UNKNOWN_IN_RESPONSE_TO, null);
        }
    }

    /** Step 9. */
    private static void checkRelayState(Optional<String> received, ExpectedResponse expected)
            throws EidResponseException {
        boolean matches = expected.relayState().isEmpty()
                ? received.isEmpty()
                : constantTimeEquals(expected.relayState().get(), received.orElse(null));
        if (!matches) {
            throw new EidResponseException(EidError.RELAY_STATE_MISMATCH, null);
        }
    }

    /** Step 10. */
    private Assertion decryptAssertion(Response response) throws EidResponseException {
        if (!response.getAssertions().isEmpty() || response.getEncryptedAssertions().isEmpty()) {
            throw new EidResponseException(EidError.NOT_ENCRYPTED, null);
        }
        if (response.getEncryptedAssertions().size() > 1) {
            throw new EidResponseException(EidError.MALFORMED, "more than one EncryptedAssertion");
        }
        Assertion assertion = decrypter.decrypt(response.getEncryptedAssertions().get(0));
        if (assertion.getVersion() != SAMLVersion.VERSION_20 || assertion.getID() == null
                || assertion.getIssueInstant() == null) {
            throw new EidResponseException(EidError.MALFORMED, "not a complete SAML 2.0 Assertion");
        }
        checkIssuer(assertion.getIssuer(), "Assertion");
        xmlSignatureCheck.verifyIfSigned(assertion, "Assertion");
        return assertion;
    }

    private static boolean constantTimeEquals(String expected, String received) {
        return received != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }

    private record Decoded(RedirectMessage message, Response response) {
    }
}
