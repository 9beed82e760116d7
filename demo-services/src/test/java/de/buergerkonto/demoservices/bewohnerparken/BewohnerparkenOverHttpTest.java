package de.buergerkonto.demoservices.bewohnerparken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.buergerkonto.demoservices.DemoServiceApplication;
import de.buergerkonto.demoservices.testing.ServiceClient;
import de.buergerkonto.demoservices.testing.Upstreams;
import de.buergerkonto.trustlevel.AssuranceLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bewohnerparkausweis service (substantial) over real HTTP, the way the gateway calls it:
 * WireMock publishes the auth-server's and the gateway's keys, the tokens and assertions are made
 * here. Each check of the service is pinned: the gateway assertion (403), the access token (401
 * {@code invalid_token}), the level (401 with the RFC 9470 challenge).
 */
@SpringBootTest(classes = DemoServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@ActiveProfiles("bewohnerparken")
class BewohnerparkenOverHttpTest {

    static final Upstreams upstreams = new Upstreams();
    static final String ROUTE = "bewohnerparken";
    static final String ME = "/bewohnerparken/api/me";
    static final String SUBSTANTIAL_OR_HIGHER = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"A different authentication level is required\", "
            + "acr_values=\"http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high\"";

    @LocalServerPort
    int port;

    private final String subject = "pairwise-" + UUID.randomUUID();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("buergerkonto.demo-service.issuer", upstreams::issuer);
        registry.add("buergerkonto.demo-service.gateway.jwks-uri", upstreams::gatewayJwksUri);
    }

    @AfterAll
    static void stopUpstreams() {
        upstreams.close();
    }

    ServiceClient client() {
        return new ServiceClient(port);
    }

    @Test
    void meWhenSubstantialTokenThroughGatewayThenSubjectLevelAmrAuthTimeAndAttributes() {
        Instant authTime = Instant.now().minusSeconds(300);
        String token = upstreams.accessToken(subject, AssuranceLevel.SUBSTANTIAL,
                claims -> claims.claim("auth_time", authTime.getEpochSecond()));

        HttpResponse<String> response = client().get(ME, token, upstreams.assertion(ROUTE, subject, Upstreams.ERIKA));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = JsonMapper.builder().build().readTree(response.body());
        assertThat(me.get("subject").asString()).isEqualTo(subject);
        assertThat(me.get("acr").asString()).isEqualTo("http://eidas.europa.eu/LoA/substantial");
        assertThat(me.get("level").asString()).isEqualTo("substantial");
        assertThat(me.get("amr").values()).extracting(JsonNode::asString).containsExactly("pwd", "otp", "mfa");
        assertThat(me.get("auth_time").asLong()).isEqualTo(authTime.getEpochSecond());
        assertThat(me.get("attributes").get("given_name").asString()).isEqualTo("ERIKA");
        assertThat(me.get("attributes").get("address").get("postal_code").asString()).isEqualTo("51147");
    }

    @Test
    void meWhenHighTokenThenGranted() {
        HttpResponse<String> response = client().get(ME, upstreams.accessToken(subject, AssuranceLevel.HIGH),
                upstreams.assertion(ROUTE, subject, Map.of()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"level\":\"high\"", "\"attributes\":{}");
    }

    @ParameterizedTest
    @MethodSource("weakLevels")
    void meWhenLevelBelowSubstantialThen401WithTheRfc9470Challenge(AssuranceLevel weak) {
        HttpResponse<String> response = client().get(ME, upstreams.accessToken(subject, weak),
                upstreams.assertion(ROUTE, subject, Upstreams.ERIKA));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(SUBSTANTIAL_OR_HIGHER);
        assertThat(response.body()).contains("\"error\":\"insufficient_user_authentication\"");
    }

    static Stream<AssuranceLevel> weakLevels() {
        return Stream.of(AssuranceLevel.BASIC, AssuranceLevel.LOW);
    }

    @Test
    void meWhenTokenWithoutAcrThenChallengedNotGranted() {
        String token = upstreams.accessToken(subject, AssuranceLevel.HIGH, claims -> claims.claim("acr", null));

        HttpResponse<String> response = client().get(ME, token, upstreams.assertion(ROUTE, subject, Map.of()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(SUBSTANTIAL_OR_HIGHER);
    }

    /** Every way a request can miss a valid gateway assertion, with a valid substantial token: 403 JSON. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAssertions")
    void meWhenNoValidGatewayAssertionThen403WhateverTheToken(String situation, Function<String, String> assertion) {
        HttpResponse<String> response = client().get(ME, upstreams.accessToken(subject, AssuranceLevel.HIGH),
                assertion.apply(subject));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"access_denied\"");
    }

    /** Times are taken when the assertion is made, so a slow run cannot move them into the valid window. */
    static Stream<Arguments> invalidAssertions() {
        return Stream.of(
                Arguments.of("none (direct call bypassing the gateway)", (Function<String, String>) sub -> null),
                Arguments.of("not a JWS", (Function<String, String>) sub -> "not-a-jws"),
                Arguments.of("forged: a key the gateway never published",
                        (Function<String, String>) sub -> upstreams.forgedAssertion(ROUTE, sub)),
                Arguments.of("unsecured, alg none", (Function<String, String>) sub -> upstreams.unsecuredAssertion(ROUTE, sub)),
                Arguments.of("HS256 keyed with the gateway's public key",
                        (Function<String, String>) sub -> upstreams.hmacAssertion(ROUTE, sub)),
                Arguments.of("typ JWT", (Function<String, String>) sub -> upstreams.assertionOfType("JWT", ROUTE, sub)),
                Arguments.of("typ at+jwt (an access token's)",
                        (Function<String, String>) sub -> upstreams.assertionOfType("at+jwt", ROUTE, sub)),
                Arguments.of("no typ", (Function<String, String>) sub -> upstreams.assertionOfType(null, ROUTE, sub)),
                Arguments.of("no kid", (Function<String, String>) sub -> upstreams.assertionWithoutKeyId(ROUTE, sub)),
                Arguments.of("for another route", (Function<String, String>) sub -> upstreams.assertion("e-payment", sub, Map.of())),
                Arguments.of("from another issuer", (Function<String, String>) sub -> upstreams.assertion(ROUTE, sub, Map.of(),
                        claims -> claims.issuer("http://gateway.example"))),
                Arguments.of("expired beyond the clock skew", (Function<String, String>) sub -> upstreams.assertion(ROUTE, sub,
                        Map.of(), claims -> claims.issueTime(secondsFromNow(-100)).expirationTime(secondsFromNow(-40)))),
                Arguments.of("living longer than 60 s", (Function<String, String>) sub -> upstreams.assertion(ROUTE, sub,
                        Map.of(), claims -> claims.issueTime(secondsFromNow(0)).expirationTime(secondsFromNow(61)))),
                Arguments.of("issued in the future", (Function<String, String>) sub -> upstreams.assertion(ROUTE, sub,
                        Map.of(), claims -> claims.issueTime(secondsFromNow(45)).expirationTime(secondsFromNow(90)))),
                Arguments.of("without jti", (Function<String, String>) sub -> upstreams.assertion(ROUTE, sub, Map.of(),
                        claims -> claims.jwtID(null))),
                Arguments.of("without attributes", (Function<String, String>) sub -> upstreams.assertion(ROUTE, sub, Map.of(),
                        claims -> claims.claim("attributes", null))),
                Arguments.of("made for another citizen's token",
                        (Function<String, String>) sub -> upstreams.assertion(ROUTE, "pairwise-someone-else", Map.of())));
    }

    /** The other side of the windows refused above: exactly 60 s of lifetime, and an exp passed within the skew. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("assertionsAtTheEdges")
    void meWhenAssertionAtTheEdgeOfItsWindowsThenAccepted(String situation, Function<String, String> assertion) {
        HttpResponse<String> response = client().get(ME, upstreams.accessToken(subject, AssuranceLevel.HIGH),
                assertion.apply(subject));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static Stream<Arguments> assertionsAtTheEdges() {
        return Stream.of(
                Arguments.of("living exactly 60 s", (Function<String, String>) sub -> upstreams.assertion(ROUTE, sub,
                        Map.of(), claims -> claims.issueTime(secondsFromNow(0)).expirationTime(secondsFromNow(60)))),
                Arguments.of("expired 20 s ago, within the 30 s skew", (Function<String, String>) sub -> upstreams.assertion(
                        ROUTE, sub, Map.of(), claims -> claims.issueTime(secondsFromNow(-80)).expirationTime(secondsFromNow(-20)))),
                Arguments.of("issued 20 s ahead, within the skew", (Function<String, String>) sub -> upstreams.assertion(
                        ROUTE, sub, Map.of(), claims -> claims.issueTime(secondsFromNow(20)).expirationTime(secondsFromNow(60)))));
    }

    @Test
    void meWhenTwoAssertionHeadersThen403() {
        String token = upstreams.accessToken(subject, AssuranceLevel.HIGH);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + ME))
                .header("Authorization", "Bearer " + token)
                .header("X-Buergerkonto-Gateway", upstreams.assertion(ROUTE, subject, Map.of()))
                .header("X-Buergerkonto-Gateway", upstreams.assertion(ROUTE, subject, Map.of())).build();

        assertThat(send(request).statusCode()).isEqualTo(403);
    }

    @Test
    void pageWhenNoAssertionThen403PageInGerman() {
        HttpResponse<String> response = client().page("/bewohnerparken/", upstreams.accessToken(subject, AssuranceLevel.HIGH), null);

        assertThat(response.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Zugriff verweigert");
    }

    @Test
    void pageWhenNoAssertionAndEnglishThen403PageInEnglish() {
        HttpResponse<String> response = client().page("/bewohnerparken/?lang=en", null, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Access denied");
    }

    /** Token failures with a valid assertion: 401 invalid_token, never the page or the data. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void meWhenTokenInvalidThen401InvalidToken(String situation, Function<String, String> token) {
        HttpResponse<String> response = client().get(ME, token.apply(subject), upstreams.assertion(ROUTE, subject, Map.of()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
    }

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                Arguments.of("expired beyond the clock skew", (Function<String, String>) sub -> upstreams.accessToken(sub,
                        AssuranceLevel.HIGH, claims -> claims.issueTime(secondsFromNow(-600)).expirationTime(secondsFromNow(-31)))),
                Arguments.of("wrong issuer", (Function<String, String>) sub -> upstreams.accessToken(sub, AssuranceLevel.HIGH,
                        claims -> claims.issuer("http://login.example"))),
                Arguments.of("wrong audience", (Function<String, String>) sub -> upstreams.accessToken(sub, AssuranceLevel.HIGH,
                        claims -> claims.audience("some-other-service").claim("client_id", "some-other-service"))),
                Arguments.of("no exp", (Function<String, String>) sub -> upstreams.accessToken(sub, AssuranceLevel.HIGH,
                        claims -> claims.expirationTime(null))),
                Arguments.of("typ JWT (an ID token)", (Function<String, String>) sub -> upstreams.accessTokenOfType("JWT", sub,
                        AssuranceLevel.HIGH, claims -> { })),
                Arguments.of("assertion's type gateway+jwt", (Function<String, String>) sub -> upstreams.accessTokenOfType(
                        "gateway+jwt", sub, AssuranceLevel.HIGH, claims -> { })),
                Arguments.of("not a JWT", (Function<String, String>) sub -> "opaque-token"));
    }

    @Test
    void meWhenGatewayAudienceThenGranted() {
        String token = upstreams.accessToken(subject, AssuranceLevel.SUBSTANTIAL,
                claims -> claims.audience("gateway").claim("client_id", "gateway"));

        assertThat(client().get(ME, token, upstreams.assertion(ROUTE, subject, Map.of())).statusCode()).isEqualTo(200);
    }

    @Test
    void meWhenNoTokenButValidAssertionThen401() {
        HttpResponse<String> response = client().get(ME, null, upstreams.assertion(ROUTE, subject, Map.of()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void pageWhenSubstantialThenShowsLevelAndVerifiedNameAndAddressWithTheForm() {
        HttpResponse<String> response = client().page("/bewohnerparken/", upstreams.accessToken(subject, AssuranceLevel.SUBSTANTIAL),
                upstreams.assertion(ROUTE, subject, Upstreams.ERIKA));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst("#level").text()).isEqualTo("substanziell");
        assertThat(page.selectFirst("#subject").text()).isEqualTo(subject);
        assertThat(page.selectFirst("#applicant").text()).isEqualTo("ERIKA MUSTERMANN");
        assertThat(page.selectFirst("#address").text()).contains("HEIDESTRASSE 17", "51147", "KOELN");
        assertThat(page.selectFirst("label[for=licencePlate]").text()).isEqualTo("Kfz-Kennzeichen");
        assertThat(page.select("form#permit input[name=licencePlate]")).hasSize(1);
    }

    @Test
    void applyWhenValidPlateThenConfirmationWithReference() {
        HttpResponse<String> response = client().post("/bewohnerparken/application",
                upstreams.accessToken(subject, AssuranceLevel.SUBSTANTIAL), upstreams.assertion(ROUTE, subject, Upstreams.ERIKA),
                Map.of("licencePlate", "ha-ab 1234", "lang", "en"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).selectFirst("#confirmation").text())
                .contains("HA-AB 1234").containsPattern("BPA-[0-9A-F]{8}");
    }

    @Test
    void applyWhenPlateMalformedThenErrorLinkedToTheField() {
        HttpResponse<String> response = client().post("/bewohnerparken/application",
                upstreams.accessToken(subject, AssuranceLevel.SUBSTANTIAL), upstreams.assertion(ROUTE, subject, Upstreams.ERIKA),
                Map.of("licencePlate", "12345", "lang", "de"));

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".error-summary a[href=#licencePlate]").text())
                .isEqualTo("Bitte geben Sie ein Kennzeichen wie HA-AB 1234 ein.");
        assertThat(page.selectFirst("#licencePlate").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#licencePlate").attr("aria-describedby")).contains("licencePlate-error");
    }

    @Test
    void applyWhenAddressNotReleasedThenNoConfirmation() {
        HttpResponse<String> response = client().post("/bewohnerparken/application",
                upstreams.accessToken(subject, AssuranceLevel.SUBSTANTIAL), upstreams.assertion(ROUTE, subject, Map.of()),
                Map.of("licencePlate", "HA-AB 1234"));

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#confirmation")).isEmpty();
        assertThat(page.selectFirst("#address [role=alert]")).isNotNull();
    }

    @Test
    void pageWhenUnknownPathThen404PageWithoutStackTrace() {
        HttpResponse<String> response = client().page("/bewohnerparken/nothing-here",
                upstreams.accessToken(subject, AssuranceLevel.SUBSTANTIAL), upstreams.assertion(ROUTE, subject, Map.of()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Seite nicht verfügbar");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void actuatorHealthWhenNoGatewayThenUpWithoutDetails() {
        HttpResponse<String> response = client().get("/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    private static Date secondsFromNow(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
