package de.buergerkonto.eidadapter.response;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import de.buergerkonto.eidadapter.binding.RedirectBindingLimits;
import de.buergerkonto.eidadapter.simulator.EidAssertionXml;
import de.buergerkonto.eidadapter.simulator.EidServerResponse;

/**
 * Responses built like the recorded real one by the simulated eID-Server's
 * {@link EidServerResponse}, with test keys and fixed values, for the cases a recorded response
 * cannot show: eID failures, an expired card, a plain assertion, odd conditions. Each test edits
 * the assertion's XML text before it is encrypted and signed.
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

    static final String SUCCESS = EidServerResponse.SUCCESS;

    private static final String ATTRIBUTES = EidAssertionXml.restrictedId("abcdef0123456789")
            + EidAssertionXml.levelOfAssurance("http://bsi.bund.de/eID/LoA/hoch")
            + EidAssertionXml.documentValidity("valid", "2024-06-01")
            + EidAssertionXml.text("GivenNames", "ERIKA");

    static final String ASSERTION = EidAssertionXml.assertion("_assertion-1", ISSUER, ISSUED, Duration.ofMinutes(1),
            REQUEST_ID, ACS_URL, SP_ENTITY_ID, "t", ATTRIBUTES);

    private final EidServerResponse response = new EidServerResponse("_response-1", ISSUER, ACS_URL, REQUEST_ID, ISSUED);
    private UnaryOperator<String> assertionEdit = UnaryOperator.identity();
    private KeyPair encryptedFor = SP_KEYS;

    static HandBuiltResponse successful() {
        return new HandBuiltResponse();
    }

    /** A failed response: no assertion, the given status. */
    static HandBuiltResponse failed(String statusXml) {
        HandBuiltResponse built = new HandBuiltResponse();
        built.response.status(statusXml);
        built.assertionEdit = null;
        return built;
    }

    HandBuiltResponse assertion(UnaryOperator<String> edit) {
        assertionEdit = edit;
        return this;
    }

    HandBuiltResponse unencrypted() {
        response.unencrypted();
        return this;
    }

    HandBuiltResponse encryptedWith(String dataAlgorithm) {
        response.encryptedWith(dataAlgorithm);
        return this;
    }

    HandBuiltResponse encryptedFor(KeyPair recipient) {
        encryptedFor = recipient;
        return this;
    }

    /** Adds an enveloped XML signature to the Response, which the redirect binding does not need. */
    HandBuiltResponse xmlSigned(KeyPair signer, String algorithm) {
        response.xmlSigned(signer.getPrivate(), signer.getPublic(), algorithm);
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
    String query() {
        if (assertionEdit != null) {
            response.assertion(assertionEdit.apply(ASSERTION), encryptedFor.getPublic());
        }
        return response.redirectQuery(EID_SERVER_KEYS.getPrivate(), Optional.of(RELAY_STATE));
    }

    /** The {@code SAMLResponse} field of the HTTP-POST binding. */
    String postField() {
        if (assertionEdit != null) {
            response.assertion(assertionEdit.apply(ASSERTION), encryptedFor.getPublic());
        }
        return response.postField();
    }

    static String statusWithMessage(String topLevel, String message) {
        return EidServerResponse.failedStatus(topLevel, message);
    }
}
