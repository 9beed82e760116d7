package de.buergerkonto.eidadapter.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import de.buergerkonto.eidadapter.identity.EidIdentity;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** Cases the recorded response cannot show, on responses built like it with test keys. */
class EidResponseValidatorHandBuiltTest {

    private static final String ECARD = "An error was reported from eCardAPI: http://www.bsi.bund.de/ecard/api/1.1/resultminor/";

    @Test
    void validateWhenBuiltLikeTheRealOneThenAccepted() throws Exception {
        EidIdentity identity = validator().validate(HandBuiltResponse.successful().query(), HandBuiltResponse.expected());

        assertThat(identity.restrictedId()).isEqualTo("abcdef0123456789");
        assertThat(identity.levelOfAssurance()).isEqualTo(AssuranceLevel.HIGH);
        assertThat(identity.givenNames().toOptional()).contains("ERIKA");
    }

    @Test
    void validateWhenResponseAlsoXmlSignedByTheEidServerThenAccepted() throws Exception {
        HandBuiltResponse response = HandBuiltResponse.successful()
                .xmlSigned(HandBuiltResponse.EID_SERVER_KEYS, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);

        assertThat(validator().validate(response.query(), HandBuiltResponse.expected()).restrictedId()).isNotBlank();
    }

    @Test
    void validatePostWhenXmlSignedByTheEidServerThenAccepted() throws Exception {
        String field = HandBuiltResponse.successful()
                .xmlSigned(HandBuiltResponse.EID_SERVER_KEYS, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256)
                .postField();

        EidIdentity identity = validator().validatePost(field, Optional.of(HandBuiltResponse.RELAY_STATE),
                HandBuiltResponse.expected());

        assertThat(identity.restrictedId()).isEqualTo("abcdef0123456789");
    }

    static Stream<Arguments> postRefusals() {
        return Stream.of(
                Arguments.of("unsigned", HandBuiltResponse.successful(), HandBuiltResponse.RELAY_STATE,
                        EidError.SIGNATURE_MISSING),
                Arguments.of("signed by another key", HandBuiltResponse.successful().xmlSigned(TestKeys.rsa(2048),
                        SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256), HandBuiltResponse.RELAY_STATE,
                        EidError.SIGNATURE_INVALID),
                Arguments.of("signed with RSA-SHA1", HandBuiltResponse.successful().xmlSigned(
                        HandBuiltResponse.EID_SERVER_KEYS, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1),
                        HandBuiltResponse.RELAY_STATE, EidError.SIGNATURE_ALGORITHM_NOT_ALLOWED),
                Arguments.of("another session's RelayState", HandBuiltResponse.successful().xmlSigned(
                        HandBuiltResponse.EID_SERVER_KEYS, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256),
                        "relay-2", EidError.RELAY_STATE_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postRefusals")
    void validatePostWhenNotProperlySignedOrForAnotherSessionThenRefused(String name, HandBuiltResponse response,
            String relayState, EidError error) {
        String field = response.postField();

        EidResponseException refused = catchThrowableOfType(EidResponseException.class,
                () -> validator().validatePost(field, Optional.of(relayState), HandBuiltResponse.expected()));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.error()).isEqualTo(error);
    }

    @Test
    void validatePostWhenNotBase64ThenMalformed() {
        EidResponseException refused = catchThrowableOfType(EidResponseException.class,
                () -> validator().validatePost("%%%", Optional.empty(), HandBuiltResponse.expected()));

        assertThat(refused.error()).isEqualTo(EidError.MALFORMED);
    }

    static Stream<Arguments> eidFailures() {
        return Stream.of(
                Arguments.of(HandBuiltResponse.statusWithMessage("Requester", ECARD + "sal#cancellationByUser."),
                        EidStatusReason.CANCELLED_BY_USER),
                Arguments.of(HandBuiltResponse.statusWithMessage("Responder", ECARD + "sal#referenceDataBlocked"),
                        EidStatusReason.PIN_BLOCKED),
                Arguments.of(HandBuiltResponse.statusWithMessage("Responder", ECARD + "sal#wrongReferenceData"),
                        EidStatusReason.WRONG_PIN),
                Arguments.of(HandBuiltResponse.statusWithMessage("Responder",
                        ECARD + "sal/mEAC#DocumentValidityVerificationFailed"), EidStatusReason.DOCUMENT_NOT_VALID),
                Arguments.of(HandBuiltResponse.statusWithMessage("Responder", ECARD + "dp#communicationError"),
                        EidStatusReason.OTHER),
                Arguments.of(HandBuiltResponse.statusWithMessage("Responder", "Internal error"), EidStatusReason.OTHER));
    }

    @ParameterizedTest
    @MethodSource("eidFailures")
    void validateWhenEidServerReportsFailureThenStatusNotSuccessWithReason(String status, EidStatusReason reason) {
        EidResponseException refused = assertRefused(HandBuiltResponse.failed(status), EidError.STATUS_NOT_SUCCESS);

        assertThat(refused.statusReason()).contains(reason);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("Response XML-signed by another key",
                        HandBuiltResponse.successful().xmlSigned(TestKeys.rsa(2048),
                                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256), EidError.SIGNATURE_INVALID),
                Arguments.of("Response XML-signed with RSA-SHA1",
                        HandBuiltResponse.successful().xmlSigned(HandBuiltResponse.EID_SERVER_KEYS,
                                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1), EidError.SIGNATURE_ALGORITHM_NOT_ALLOWED),
                Arguments.of("plain assertion", HandBuiltResponse.successful().unencrypted(), EidError.NOT_ENCRYPTED),
                Arguments.of("success without assertion", HandBuiltResponse.failed(HandBuiltResponse.SUCCESS),
                        EidError.NOT_ENCRYPTED),
                Arguments.of("assertion encrypted for another key",
                        HandBuiltResponse.successful().encryptedFor(TestKeys.rsa(2048)), EidError.DECRYPTION_FAILED),
                Arguments.of("assertion encrypted with AES-CBC",
                        HandBuiltResponse.successful().encryptedWith(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256),
                        EidError.DECRYPTION_FAILED),
                Arguments.of("assertion from another issuer", edited("<saml2:Issuer>" + HandBuiltResponse.ISSUER,
                        "<saml2:Issuer>https://other.example"), EidError.ISSUER_MISMATCH),
                Arguments.of("no audience restriction", edited("<saml2:AudienceRestriction><saml2:Audience>"
                        + HandBuiltResponse.SP_ENTITY_ID + "</saml2:Audience></saml2:AudienceRestriction>", ""),
                        EidError.AUDIENCE_MISMATCH),
                Arguments.of("a second audience restriction for someone else", edited("<saml2:OneTimeUse/>",
                        "<saml2:AudienceRestriction><saml2:Audience>https://other.example</saml2:Audience>"
                                + "</saml2:AudienceRestriction><saml2:OneTimeUse/>"), EidError.AUDIENCE_MISMATCH),
                Arguments.of("proxy restriction (a condition we do not evaluate)", edited("<saml2:OneTimeUse/>",
                        "<saml2:OneTimeUse/><saml2:ProxyRestriction Count=\"1\"/>"), EidError.UNSUPPORTED_CONDITION),
                Arguments.of("another recipient", edited("Recipient=\"" + HandBuiltResponse.ACS_URL,
                        "Recipient=\"https://other.example/acs"), EidError.RECIPIENT_MISMATCH),
                Arguments.of("confirmation for another request", edited("InResponseTo=\"" + HandBuiltResponse.REQUEST_ID,
                        "InResponseTo=\"_other"), EidError.RECIPIENT_MISMATCH),
                Arguments.of("holder-of-key instead of bearer", edited("cm:bearer", "cm:holder-of-key"),
                        EidError.RECIPIENT_MISMATCH),
                Arguments.of("confirmation without NotOnOrAfter",
                        edited(" NotOnOrAfter=\"2024-06-01T10:01:00.000Z\" Recipient", " Recipient"), EidError.MALFORMED),
                Arguments.of("conditions expired earlier than the confirmation",
                        edited("NotBefore=\"2024-06-01T10:00:00.000Z\" NotOnOrAfter=\"2024-06-01T10:01:00.000Z\"",
                                "NotBefore=\"2024-06-01T10:00:00.000Z\" NotOnOrAfter=\"2024-06-01T09:59:00.000Z\""),
                        EidError.EXPIRED),
                Arguments.of("assertion issued in the future", edited("IssueInstant=\"2024-06-01T10:00:00.000Z\"",
                        "IssueInstant=\"2024-06-01T10:05:00.000Z\""), EidError.NOT_YET_VALID),
                Arguments.of("card expired", edited("<eid:Status>valid</eid:Status>", "<eid:Status>expired</eid:Status>"),
                        EidError.DOCUMENT_NOT_VALID),
                Arguments.of("no RestrictedID", edited("Name=\"RestrictedID\"", "Name=\"Unrequested\""),
                        EidError.ATTRIBUTE_MISSING),
                Arguments.of("no AuthnStatement", HandBuiltResponse.successful().assertion(
                        xml -> xml.replaceAll("<saml2:AuthnStatement .*</saml2:AuthnStatement>", "")),
                        EidError.MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void validateWhenAssertionUnacceptableThenRefusedByTheResponsibleStep(String name, HandBuiltResponse response,
            EidError error) {
        assertRefused(response, error);
    }

    @Test
    void validateWhenCardRevokedThenDocumentNotValidWithReason() {
        EidResponseException refused = assertRefused(
                edited("<eid:Status>valid</eid:Status>", "<eid:Status>revoked</eid:Status>"), EidError.DOCUMENT_NOT_VALID);

        assertThat(refused.statusReason()).contains(EidStatusReason.CARD_REVOKED);
    }

    private static HandBuiltResponse edited(String from, String to) {
        return HandBuiltResponse.successful().assertion(xml -> {
            if (!xml.contains(from)) {
                throw new IllegalArgumentException("Test edit does not apply: " + from);
            }
            return xml.replace(from, to);
        });
    }

    private static EidResponseException assertRefused(HandBuiltResponse response, EidError error) {
        String query = response.query();
        EidResponseException refused = catchThrowableOfType(EidResponseException.class,
                () -> validator().validate(query, HandBuiltResponse.expected()));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.error()).isEqualTo(error);
        return refused;
    }

    private static EidResponseValidator validator() {
        return new EidResponseValidator(HandBuiltResponse.settings(), new InMemoryReplayCache(),
                RecordedResponse.clockAt(HandBuiltResponse.NOW));
    }
}
