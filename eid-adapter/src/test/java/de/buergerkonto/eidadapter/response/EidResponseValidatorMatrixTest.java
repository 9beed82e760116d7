package de.buergerkonto.eidadapter.response;

import static de.buergerkonto.eidadapter.response.RecordedResponse.ACCEPT_AT;
import static de.buergerkonto.eidadapter.response.RecordedResponse.ISSUE_INSTANT;
import static de.buergerkonto.eidadapter.response.RecordedResponse.NOT_ON_OR_AFTER;
import static de.buergerkonto.eidadapter.response.RecordedResponse.RAW_QUERY;
import static de.buergerkonto.eidadapter.response.RecordedResponse.SKEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import de.buergerkonto.eidadapter.binding.RedirectBindingLimits;

/**
 * Every variation of the recorded real response is refused, by the step that is responsible
 * for it. Each row changes one thing: the query, our configuration, what the session expects,
 * or the clock.
 */
class EidResponseValidatorMatrixTest {

    private static final KeyPair OTHER_KEY_PAIR = TestKeys.rsa(2048);
    private static final X509Certificate OTHER_CERTIFICATE = TestKeys.selfSigned(OTHER_KEY_PAIR, "not the eID-Server");
    private static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    private static final Duration ONE_MS = Duration.ofMillis(1);

    /** One attack: what changes, and the error it must end in. */
    record Attack(String name, String query, UnaryOperator<EidResponseSettings> settings,
            ExpectedResponse expected, Instant now, EidError error) {

        static Attack query(String name, String query, EidError error) {
            return new Attack(name, query, UnaryOperator.identity(), RecordedResponse.expectedResponse(), ACCEPT_AT, error);
        }

        static Attack settings(String name, UnaryOperator<EidResponseSettings> settings, EidError error) {
            return new Attack(name, RAW_QUERY, settings, RecordedResponse.expectedResponse(), ACCEPT_AT, error);
        }

        static Attack expected(String name, ExpectedResponse expected, EidError error) {
            return new Attack(name, RAW_QUERY, UnaryOperator.identity(), expected, ACCEPT_AT, error);
        }

        static Attack clock(String name, Instant now, EidError error) {
            return new Attack(name, RAW_QUERY, UnaryOperator.identity(), RecordedResponse.expectedResponse(), now, error);
        }

        @Override
        public String toString() {
            return name + " -> " + error;
        }
    }

    static Stream<Attack> attacks() {
        return Stream.of(
                // step 1: decode
                Attack.query("empty query", "", EidError.MALFORMED),
                Attack.query("SAMLRequest instead of SAMLResponse",
                        RAW_QUERY.replace("SAMLResponse=", "SAMLRequest="), EidError.MALFORMED),
                Attack.query("SAMLResponse twice", RAW_QUERY + "&SAMLResponse=AAAA", EidError.MALFORMED),
                Attack.query("SAMLResponse not base64", RawQuery.withRawValue(RAW_QUERY, "SAMLResponse", "%%%"),
                        EidError.MALFORMED),
                Attack.query("SAMLResponse not DEFLATE",
                        RawQuery.withValue(RAW_QUERY, "SAMLResponse", "bm90IGRlZmxhdGU="), EidError.MALFORMED),
                Attack.query("DOCTYPE with external entity, unsigned", unsignedQuery(XXE), EidError.MALFORMED),
                Attack.query("DOCTYPE with external entity, recorded signature attached",
                        withRecordedSignature(unsignedQuery(XXE)), EidError.MALFORMED),
                Attack.query("DOCTYPE with entity expansion (billion laughs)", unsignedQuery(BILLION_LAUGHS),
                        EidError.MALFORMED),
                Attack.query("AuthnRequest instead of Response", unsignedQuery(AUTHN_REQUEST), EidError.MALFORMED),
                Attack.query("query over 64 KiB",
                        RawQuery.withValue(RAW_QUERY, "RelayState", "x".repeat(70 * 1024)), EidError.MESSAGE_TOO_LARGE),
                Attack.query("deflate bomb", unsignedQuery(" ".repeat(20 * 1024 * 1024)), EidError.MESSAGE_TOO_LARGE),
                // step 2: algorithm allowlist, before any cryptography
                Attack.query("no Signature", RawQuery.without(RAW_QUERY, "Signature"), EidError.SIGNATURE_MISSING),
                Attack.query("no SigAlg", RawQuery.without(RAW_QUERY, "SigAlg"), EidError.SIGNATURE_MISSING),
                Attack.query("SigAlg rsa-sha1", RawQuery.withValue(RAW_QUERY, "SigAlg", RSA_SHA1),
                        EidError.SIGNATURE_ALGORITHM_NOT_ALLOWED),
                Attack.query("SigAlg unknown", RawQuery.withValue(RAW_QUERY, "SigAlg", "none"),
                        EidError.SIGNATURE_ALGORITHM_NOT_ALLOWED),
                // step 3: redirect signature with the configured certificate
                Attack.query("SigAlg rsa-sha256 instead of RSASSA-PSS",
                        RawQuery.withValue(RAW_QUERY, "SigAlg", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"),
                        EidError.SIGNATURE_INVALID),
                Attack.query("SigAlg ECDSA with the RSA certificate",
                        RawQuery.withValue(RAW_QUERY, "SigAlg", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"),
                        EidError.SIGNATURE_INVALID),
                Attack.query("one bit flipped in Signature (first byte)", RawQuery.withSignatureBitFlipped(RAW_QUERY, 0),
                        EidError.SIGNATURE_INVALID),
                Attack.query("one bit flipped in Signature (last byte)", RawQuery.withSignatureBitFlipped(RAW_QUERY, 511),
                        EidError.SIGNATURE_INVALID),
                Attack.query("one byte changed in the Response's Destination",
                        RawQuery.withEditedResponseXml(RAW_QUERY, xml -> xml.replace("/eid/endpoint\"", "/eid/endpoinT\"")),
                        EidError.SIGNATURE_INVALID),
                Attack.query("one byte changed in the encrypted assertion",
                        RawQuery.withEditedResponseXml(RAW_QUERY, xml -> xml.replace("<xenc:CipherValue>9g+v",
                                "<xenc:CipherValue>9g+w")),
                        EidError.SIGNATURE_INVALID),
                Attack.query("RelayState altered", RawQuery.withValue(RAW_QUERY, "RelayState", "another-session"),
                        EidError.SIGNATURE_INVALID),
                Attack.query("RelayState removed", RawQuery.without(RAW_QUERY, "RelayState"), EidError.SIGNATURE_INVALID),
                Attack.query("SAMLResponse re-encoded with lowercase hex escapes",
                        RawQuery.withRawValue(RAW_QUERY, "SAMLResponse",
                                lowercaseEscapes(RAW_QUERY.substring("SAMLResponse=".length(), RAW_QUERY.indexOf('&')))),
                        EidError.SIGNATURE_INVALID),
                Attack.settings("another eID-Server certificate configured",
                        settings -> withCertificate(settings, OTHER_CERTIFICATE), EidError.SIGNATURE_INVALID),
                // steps 6 to 9: issuer, destination, InResponseTo, RelayState
                Attack.settings("another eID-Server entity ID configured",
                        settings -> with(settings, "https://other.example/eid", settings.serviceProviderEntityId(),
                                settings.assertionConsumerUrl()),
                        EidError.ISSUER_MISMATCH),
                Attack.settings("another assertion consumer URL configured",
                        settings -> with(settings, settings.eidServerEntityId(), settings.serviceProviderEntityId(),
                                "https://localhost:8443/other/endpoint"),
                        EidError.DESTINATION_MISMATCH),
                Attack.expected("another expected request ID",
                        new ExpectedResponse("_another-request", Optional.of(RecordedResponse.RELAY_STATE)),
                        EidError.UNKNOWN_IN_RESPONSE_TO),
                Attack.expected("another session's RelayState expected",
                        new ExpectedResponse(RecordedResponse.IN_RESPONSE_TO, Optional.of("another-session")),
                        EidError.RELAY_STATE_MISMATCH),
                Attack.expected("no RelayState expected",
                        new ExpectedResponse(RecordedResponse.IN_RESPONSE_TO, Optional.empty()),
                        EidError.RELAY_STATE_MISMATCH),
                // step 10: decryption
                Attack.settings("another decryption key configured",
                        settings -> withDecryptionKey(settings, OTHER_KEY_PAIR), EidError.DECRYPTION_FAILED),
                // step 11: audience
                Attack.settings("another service provider entity ID configured",
                        settings -> with(settings, settings.eidServerEntityId(), "https://other.example",
                                settings.assertionConsumerUrl()),
                        EidError.AUDIENCE_MISMATCH),
                // step 13: both edges of the time window, exactly
                Attack.clock("1 ms before IssueInstant/NotBefore minus skew",
                        ISSUE_INSTANT.minus(SKEW).minus(ONE_MS), EidError.NOT_YET_VALID),
                Attack.clock("an hour before IssueInstant", ISSUE_INSTANT.minus(Duration.ofHours(1)), EidError.NOT_YET_VALID),
                Attack.clock("at NotOnOrAfter plus skew", NOT_ON_OR_AFTER.plus(SKEW), EidError.EXPIRED),
                Attack.clock("a day after NotOnOrAfter", NOT_ON_OR_AFTER.plus(Duration.ofDays(1)), EidError.EXPIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void validateWhenAttackedThenRefusedByTheResponsibleStep(Attack attack) {
        EidResponseValidator validator = new EidResponseValidator(attack.settings().apply(RecordedResponse.settings()),
                new InMemoryReplayCache(), RecordedResponse.clockAt(attack.now()));

        assertThatExceptionOfType(EidResponseException.class)
                .isThrownBy(() -> validator.validate(attack.query(), attack.expected()))
                .satisfies(refused -> assertThat(refused.error()).isEqualTo(attack.error()));
    }

    static Stream<Arguments> edgesInsideTheWindow() {
        return Stream.of(
                Arguments.of("exactly IssueInstant/NotBefore minus skew", ISSUE_INSTANT.minus(SKEW)),
                Arguments.of("exactly IssueInstant", ISSUE_INSTANT),
                Arguments.of("1 ms before NotOnOrAfter plus skew", NOT_ON_OR_AFTER.plus(SKEW).minus(ONE_MS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgesInsideTheWindow")
    void validateWhenClockAtEdgeInsideWindowThenAccepted(String edge, Instant now) throws Exception {
        EidResponseValidator validator = new EidResponseValidator(RecordedResponse.settings(),
                new InMemoryReplayCache(), RecordedResponse.clockAt(now));

        assertThat(validator.validate(RAW_QUERY, RecordedResponse.expectedResponse()).restrictedId()).isNotBlank();
    }

    private static final String XXE = "<?xml version=\"1.0\"?>"
            + "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<saml2p:Response xmlns:saml2p=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\""
            + " IssueInstant=\"2024-01-24T09:42:07.652Z\"><saml2:Issuer"
            + " xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\">&xxe;</saml2:Issuer></saml2p:Response>";

    private static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE r ["
            + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            + "<saml2p:Response xmlns:saml2p=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"&d;\" Version=\"2.0\""
            + " IssueInstant=\"2024-01-24T09:42:07.652Z\"/>";

    private static final String AUTHN_REQUEST = "<saml2p:AuthnRequest xmlns:saml2p=\"urn:oasis:names:tc:SAML:2.0:protocol\""
            + " ID=\"_x\" Version=\"2.0\" IssueInstant=\"2024-01-24T09:42:07.652Z\"/>";

    private static String unsignedQuery(String xml) {
        return "SAMLResponse=" + URLEncoder.encode(RawQuery.encodedMessage(xml.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8) + "&RelayState=" + URLEncoder.encode(RecordedResponse.RELAY_STATE,
                StandardCharsets.UTF_8);
    }

    private static String withRecordedSignature(String query) {
        int sigAlg = RAW_QUERY.indexOf("&SigAlg=");
        return query + RAW_QUERY.substring(sigAlg);
    }

    private static String lowercaseEscapes(String raw) {
        StringBuilder lower = new StringBuilder(raw);
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            lower.replace(i + 1, i + 3, raw.substring(i + 1, i + 3).toLowerCase(java.util.Locale.ROOT));
        }
        return lower.toString();
    }

    private static EidResponseSettings with(EidResponseSettings settings, String issuer, String audience, String acsUrl) {
        return new EidResponseSettings(issuer, settings.eidServerCertificate(), audience, acsUrl,
                settings.decryptionKey(), settings.clockSkew(), settings.limits());
    }

    private static EidResponseSettings withCertificate(EidResponseSettings settings, X509Certificate certificate) {
        return new EidResponseSettings(settings.eidServerEntityId(), certificate, settings.serviceProviderEntityId(),
                settings.assertionConsumerUrl(), settings.decryptionKey(), settings.clockSkew(), settings.limits());
    }

    private static EidResponseSettings withDecryptionKey(EidResponseSettings settings, KeyPair keyPair) {
        return new EidResponseSettings(settings.eidServerEntityId(), settings.eidServerCertificate(),
                settings.serviceProviderEntityId(), settings.assertionConsumerUrl(), keyPair.getPrivate(),
                settings.clockSkew(), RedirectBindingLimits.DEFAULT);
    }
}
