package de.buergerkonto.eidadapter.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import de.buergerkonto.eidadapter.EidAdapterApplication;
import de.buergerkonto.eidadapter.binding.RedirectBindingDecoder;
import de.buergerkonto.eidadapter.binding.RedirectBindingLimits;
import de.buergerkonto.eidadapter.binding.RedirectMessage;
import de.buergerkonto.eidadapter.binding.RedirectSignatureVerifier;
import de.buergerkonto.eidadapter.binding.SamlParameter;
import de.buergerkonto.eidadapter.binding.SignatureAlgorithm;
import de.buergerkonto.eidhandover.EidHandover;
import de.buergerkonto.eidhandover.HandoverClaims;
import de.buergerkonto.eidhandover.Purpose;
import de.buergerkonto.eidadapter.keys.PemKeys;
import de.buergerkonto.eidadapter.simulator.EidAssertionXml;
import de.buergerkonto.eidadapter.simulator.EidServerResponse;

/**
 * The whole ID card flow over real HTTP with real Redis: start page, tc-token, the simulated
 * eID-Server's card page, assertion consumer, handover token read as the auth-server will.
 * Defined port (free, chosen before the start) because the public base URL must name it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.config.name=" + EidAdapterApplication.CONFIG_NAME)
@ActiveProfiles({"local", "eid-simulator"})
class EidFlowEndToEndTest {

    private static final String EID_NS = "http://bsi.bund.de/eID/";
    private static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> FlowClient.PORT);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("eid-adapter.service-provider.public-base-url", () -> FlowClient.BASE);
    }

    @Test
    void flowWhenErikaAuthenticatesWithTheRightPinThenHandoverTokenHoldsHerVerifiedData() throws Exception {
        HttpResponse<String> answer = new FlowClient().flow("state-erika", "ERIKA", "123456", "authenticate");

        assertThat(answer.statusCode()).isEqualTo(200);
        EidHandover handover = FlowClient.handover(answer);
        assertThat(handover.state()).isEqualTo("state-erika");
        assertThat(handover.purpose()).isEqualTo(Purpose.LOGIN);
        assertThat(handover.card().acr()).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(handover.card().restrictedId()).matches("[0-9a-f]{64}");
        assertThat(handover.card().givenName()).contains("ERIKA");
        assertThat(handover.card().familyName()).contains("MUSTERMANN");
        assertThat(handover.card().birthFamilyName()).contains("GABLER");
        assertThat(handover.card().birthdate()).contains("1964-08-12");
        assertThat(handover.card().placeOfBirth()).containsEntry(HandoverClaims.FORMATTED, "BERLIN");
        assertThat(handover.card().address()).containsEntry(HandoverClaims.STREET_ADDRESS, "HEIDESTRASSE 17")
                .containsEntry(HandoverClaims.LOCALITY, "KOELN").containsEntry(HandoverClaims.POSTAL_CODE, "51147")
                .containsEntry(HandoverClaims.COUNTRY, "D");
        assertThat(handover.card().nationality()).contains("D");
        assertThat(handover.card().documentType()).contains("ID");
        assertThat(handover.card().issuingState()).contains("D");
        assertThat(handover.card().verifiedAt()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void flowWhenCardHasUnknownDayAndMonthAndNoNationalityThenBirthdateIsTheYearAndNationalityAbsent()
            throws Exception {
        EidHandover handover = FlowClient.handover(
                new FlowClient().flow("state-anna", "PARTIAL_BIRTH_DATE", "123456", "authenticate"));

        assertThat(handover.card().birthdate()).contains("1958");
        assertThat(handover.card().nationality()).isEmpty();
        assertThat(handover.card().birthFamilyName()).isEmpty();
    }

    @Test
    void flowWhenSameCardTwiceThenSamePseudonym() throws Exception {
        EidHandover first = FlowClient.handover(new FlowClient().flow("s1", "ERIKA", "123456", "authenticate"));
        EidHandover second = FlowClient.handover(new FlowClient().flow("s2", "ERIKA", "123456", "authenticate"));

        assertThat(second.card().restrictedId()).isEqualTo(first.card().restrictedId());
        assertThat(second.jti()).isNotEqualTo(first.jti());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "cancel in the AusweisApp, ERIKA, 123456, cancel, cancelled, 400",
            "wrong PIN, ERIKA, 654321, authenticate, wrong-pin, 400",
            "expired card, EXPIRED, 123456, authenticate, card-expired, 400"})
    void flowWhenEidFailsThenCitizenPageSaysWhatHappenedAndOffersToStartAgain(String name, String card, String pin,
            String action, String problem, int status) {
        HttpResponse<String> answer = new FlowClient().flow("state-x", card, pin, action);

        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(FlowClient.problem(answer)).isEqualTo(problem);
        assertThat(answer.body()).doesNotContain("handover_token");
        assertThat(Jsoup.parse(answer.body()).selectFirst("#retry-link").attr("href"))
                .startsWith("/eid/start?return=http%3A%2F%2Flocalhost%3A9000%2Flogin%2Feid%2Fcallback&purpose=login&state=state-x");
    }

    @ParameterizedTest(name = "ResultMinor={0}")
    @CsvSource({
            "cancellationByUser, cancelled",
            "http://www.bsi.bund.de/ecard/api/1.1/resultminor/al/common#communicationError, server-unreachable",
            "trustedChannelEstablishmentFailed, server-unreachable",
            "serverError, server-unreachable",
            "clientError, client-error",
            "somethingElse, eid-failed"})
    void acsWhenEidClientReturnsAnErrorThenCitizenPageForItsMinorCode(String minor, String problem) {
        FlowClient browser = new FlowClient();
        browser.start("state-client");

        HttpResponse<String> answer = browser.get("/eid/acs?ResultMajor=error&ResultMinor=" + FlowClient.encode(minor));

        assertThat(answer.statusCode()).isBetween(400, 502);
        assertThat(FlowClient.problem(answer)).isEqualTo(problem);
    }

    @Test
    void tcTokenWhenCalledThenRedirectsToTheEidServerWithASignedAuthnRequestAsConfigured() throws Exception {
        String location = new FlowClient().tcTokenRedirect(new FlowClient().startAndTcTokenUrl("state-request"));

        URI uri = URI.create(location);
        assertThat(location).startsWith(FlowClient.BASE + "/eid-simulator/sso?");
        RedirectMessage message = new RedirectBindingDecoder(RedirectBindingLimits.DEFAULT)
                .decode(uri.getRawQuery(), SamlParameter.SAML_REQUEST);
        assertThat(message.signatureAlgorithm()).contains("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1");
        PublicKey spKey = PemKeys.certificate(FlowClient.resource("demo-keys/sp-signing.cert.pem")).getPublicKey();
        assertThat(new RedirectSignatureVerifier().verify(message.signedContent(), message.signature().orElseThrow(),
                SignatureAlgorithm.RSA_PSS_SHA256, spKey)).isTrue();
        assertThat(message.relayState()).isPresent();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element request = factory.newDocumentBuilder().parse(new ByteArrayInputStream(message.message())).getDocumentElement();
        assertThat(request.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(request.getAttribute("Destination")).isEqualTo(FlowClient.BASE + "/eid-simulator/sso");
        assertThat(request.getAttribute("AssertionConsumerServiceURL")).isEqualTo(FlowClient.BASE + "/eid/acs");
        assertThat(request.getAttribute("ID")).startsWith("_");
        Element extension = (Element) request.getElementsByTagNameNS(EID_NS, "AuthnRequestExtension").item(0);
        assertThat(extension.getAttribute("Version")).isEqualTo("2");
        Map<String, String> required = new LinkedHashMap<>();
        NodeList attributes = extension.getElementsByTagNameNS(SAML_NS, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            required.put(attribute.getAttribute("Name"), attribute.getAttributeNS(EID_NS, "RequiredAttribute"));
        }
        assertThat(required).containsEntry("RestrictedID", "true").containsEntry("DocumentValidity", "true")
                .containsEntry("GivenNames", "true").containsEntry("DateOfBirth", "true")
                .containsEntry("BirthName", "false").containsEntry("Nationality", "false")
                .containsEntry("LevelOfAssurance", "true");
        assertThat(extension.getElementsByTagNameNS(SAML_NS, "AttributeValue").item(0).getTextContent())
                .isEqualTo("http://bsi.bund.de/eID/LoA/hoch");
    }

    @Test
    void tcTokenWhenCalledTwiceThenTheSecondCallIsRefused() {
        FlowClient browser = new FlowClient();
        String tcToken = browser.startAndTcTokenUrl("state-twice");
        browser.tcTokenRedirect(tcToken);

        HttpResponse<String> second = browser.get(tcToken);

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(FlowClient.problem(second)).isEqualTo("session-invalid");
    }

    @Test
    void acsWhenTheSameResponseArrivesAgainThenRefusedAndNoSecondToken() throws Exception {
        FlowClient browser = new FlowClient();
        String acs = browser.simulator(browser.tcTokenRedirect(browser.startAndTcTokenUrl("state-replay")),
                "ERIKA", "123456", "authenticate");
        FlowClient.handover(browser.get(acs));

        HttpResponse<String> replay = browser.get(acs);
        HttpResponse<String> replayInNewSession = replayWithNewSession(acs);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).doesNotContain("handover_token");
        assertThat(replayInNewSession.statusCode()).isEqualTo(400);
        assertThat(replayInNewSession.body()).doesNotContain("handover_token");
    }

    private static HttpResponse<String> replayWithNewSession(String acs) {
        FlowClient attacker = new FlowClient();
        attacker.tcTokenRedirect(attacker.startAndTcTokenUrl("state-attacker"));
        return attacker.get(acs);
    }

    @Test
    void acsWhenResponseAnswersAnotherSessionsRequestThenRefused() {
        FlowClient victim = new FlowClient();
        FlowClient attacker = new FlowClient();
        String victimSso = victim.tcTokenRedirect(victim.startAndTcTokenUrl("state-victim"));
        String attackerAcs = attacker.simulator(attacker.tcTokenRedirect(attacker.startAndTcTokenUrl("state-attacker")),
                "ERIKA", "123456", "authenticate");
        assertThat(victimSso).isNotBlank();

        HttpResponse<String> answer = victim.get(attackerAcs);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(FlowClient.problem(answer)).isEqualTo("validation-failed");
        assertThat(answer.body()).doesNotContain("handover_token");
    }

    @Test
    void acsWhenNoSessionCookieThenSessionInvalid() {
        FlowClient browser = new FlowClient();
        String acs = browser.simulator(browser.tcTokenRedirect(browser.startAndTcTokenUrl("state-cookie")),
                "ERIKA", "123456", "authenticate");

        HttpResponse<String> answer = new FlowClient().get(acs);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(FlowClient.problem(answer)).isEqualTo("session-invalid");
    }

    @Test
    void acsWhenResponseAsLongAsRealOnesWithBrowserCookiesThenReachesTheAdapterNotABareServerError() {
        // a real eID-Server's redirect response is 8 to 12 KiB of query; a browser adds the cookies
        // of every service on the same host: Tomcat's default 8 KiB header limit refused this
        String longQuery = "SAMLResponse=" + "A".repeat(24 * 1024) + "&RelayState=r&SigAlg=s&Signature=t";

        HttpResponse<String> answer = new FlowClient().get("/eid/acs?" + longQuery);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(FlowClient.problem(answer)).isEqualTo("session-invalid");
    }

    static Stream<Arguments> postResponses() {
        return Stream.of(
                Arguments.of("XML-signed by the eID-Server", true, 200, ""),
                Arguments.of("without XML signature", false, 400, "validation-failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postResponses")
    void acsPostWhenResponseArrivesByHttpPostThenXmlSignatureRequired(String name, boolean signed, int status,
            String problem) throws Exception {
        FlowClient browser = new FlowClient();
        URI sso = URI.create(browser.tcTokenRedirect(browser.startAndTcTokenUrl("state-post")));
        RedirectMessage request = new RedirectBindingDecoder(RedirectBindingLimits.DEFAULT)
                .decode(sso.getRawQuery(), SamlParameter.SAML_REQUEST);
        String requestId = new String(request.message(), StandardCharsets.UTF_8)
                .replaceAll("(?s).*\\sID=\"([^\"]+)\".*", "$1");
        String simulator = FlowClient.BASE + "/eid-simulator";
        Instant now = Instant.now();
        EidServerResponse response = new EidServerResponse("_post-response", simulator, FlowClient.BASE + "/eid/acs",
                requestId, now).assertion(EidAssertionXml.assertion("_post-assertion-" + signed, simulator, now,
                        Duration.ofMinutes(1), requestId, FlowClient.BASE + "/eid/acs", FlowClient.ISSUER,
                        "_n", EidAssertionXml.restrictedId("00aa") + EidAssertionXml.levelOfAssurance(
                                "http://bsi.bund.de/eID/LoA/hoch") + EidAssertionXml.documentValidity("valid", "2026-01-01")),
                PemKeys.certificate(FlowClient.resource("demo-keys/sp-encryption.cert.pem")).getPublicKey());
        if (signed) {
            response.xmlSigned(PemKeys.privateKey(FlowClient.resource("demo-keys/simulator-eid-server.key.pem")),
                    PemKeys.certificate(FlowClient.resource("demo-keys/simulator-eid-server.cert.pem")).getPublicKey(),
                    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        }

        HttpResponse<String> answer = browser.post("/eid/acs", "SAMLResponse=" + FlowClient.encode(response.postField())
                + "&RelayState=" + FlowClient.encode(request.relayState().orElseThrow()));

        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(FlowClient.problem(answer)).isEqualTo(problem);
        if (signed) {
            assertThat(FlowClient.handover(answer).card().restrictedId()).isEqualTo("00aa");
        }
    }

    @Test
    void startWhenReturnUrlNotOnTheAllowlistThenBadRequestPage() {
        HttpResponse<String> answer = new FlowClient().get(
                "/eid/start?return=" + FlowClient.encode("https://evil.example/callback") + "&purpose=login&state=s");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(FlowClient.problem(answer)).isEqualTo("return-not-allowed");
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "prefix of the registered URL, http://localhost:9000/login/eid/callback/x, login, s",
            "unknown purpose, http://localhost:9000/login/eid/callback, admin, s",
            "state with a space, http://localhost:9000/login/eid/callback, login, a b"})
    void startWhenParametersUnacceptableThenBadRequestPage(String name, String returnUrl, String purpose, String state) {
        HttpResponse<String> answer = new FlowClient().get("/eid/start?return=" + FlowClient.encode(returnUrl)
                + "&purpose=" + purpose + "&state=" + FlowClient.encode(state));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(FlowClient.problem(answer)).isIn("return-not-allowed", "bad-request");
    }

    @Test
    void startWhenEnglishRequestedThenPageInEnglishWithBothClientLinksAndHelp() {
        FlowClient browser = new FlowClient();
        HttpResponse<String> page = browser.get("/eid/start?return=" + FlowClient.encode(FlowClient.RETURN_URL)
                + "&purpose=proof&state=s&lang=en");

        Document document = Jsoup.parse(page.body());
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(document.selectFirst("h1").text()).isEqualTo("Prove your identity with your online ID");
        assertThat(document.selectFirst("#eid-client-link").attr("href"))
                .startsWith("http://127.0.0.1:24727/eID-Client?tcTokenURL=" + FlowClient.encode(FlowClient.BASE + "/eid/tc-token?session="));
        assertThat(document.selectFirst("#eid-client-link-mobile").attr("href"))
                .startsWith("eid://127.0.0.1:24727/eID-Client?tcTokenURL=");
        HttpResponse<String> help = browser.get("/eid/help");
        assertThat(FlowClient.problem(help)).isEqualTo("client-not-found");
        assertThat(Jsoup.parse(help.body()).selectFirst("#eid-client-link").attr("href"))
                .isEqualTo(document.selectFirst("#eid-client-link").attr("href"));
    }

    @Test
    void unknownPathWhenBrowserAsksThenCitizenNotFoundPageWithoutDetails() {
        HttpResponse<String> answer = new FlowClient().get("/eid/nothing-here");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(FlowClient.problem(answer)).isEqualTo("not-found");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("trace");
    }

    @Test
    void metadataWhenFetchedThenDescribesBothBindingsAndBothKeys() throws Exception {
        HttpResponse<String> answer = new FlowClient().get("/eid/metadata");

        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/samlmetadata+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element entity = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        String md = "urn:oasis:names:tc:SAML:2.0:metadata";
        assertThat(entity.getAttribute("entityID")).isEqualTo(FlowClient.ISSUER);
        NodeList consumers = entity.getElementsByTagNameNS(md, "AssertionConsumerService");
        assertThat(consumers.getLength()).isEqualTo(2);
        assertThat(((Element) consumers.item(0)).getAttribute("Binding"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");
        assertThat(((Element) consumers.item(1)).getAttribute("Binding"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        NodeList keys = entity.getElementsByTagNameNS(md, "KeyDescriptor");
        assertThat(Optional.of(keys.getLength())).contains(2);
        assertThat(((Element) keys.item(0)).getAttribute("use")).isEqualTo("signing");
        assertThat(((Element) keys.item(1)).getAttribute("use")).isEqualTo("encryption");
    }
}
