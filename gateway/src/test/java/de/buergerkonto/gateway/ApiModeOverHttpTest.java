package de.buergerkonto.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;

import de.buergerkonto.gateway.testing.Http;
import de.buergerkonto.gateway.testing.TestIssuer;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * API mode over real HTTP: WireMock is the issuer's JWKS endpoint and the upstream services, the
 * gateway runs on a random loopback port with the routes below (levels in several accepted forms).
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "buergerkonto.gateway.jwks.min-refetch-interval=0s",
        "buergerkonto.gateway.max-request-size=1KB",
        // routes live in Redis; a key prefix of its own keeps other tests' routes out
        "buergerkonto.gateway.admin.key-prefix=api-mode-test",
        // the routes are in routes(): a list binds from one property source, and the upstream port is dynamic
})
class ApiModeOverHttpTest {

    private static final String SUBSTANTIAL_OR_HIGHER = "http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high";

    static final WireMockServer wiremock = startWireMock();
    static final TestIssuer issuer = new TestIssuer(wiremock, Clock.systemUTC());

    @LocalServerPort
    int port;

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void issuerAndUpstreams(DynamicPropertyRegistry registry) {
        registry.add("buergerkonto.gateway.issuer", issuer::issuer);
        registry.add("buergerkonto.gateway.routes[0].id", () -> "basic");
        registry.add("buergerkonto.gateway.routes[0].path", () -> "/basic");
        registry.add("buergerkonto.gateway.routes[0].level", () -> "basic");
        registry.add("buergerkonto.gateway.routes[0].audiences", () -> "demo-cli");
        registry.add("buergerkonto.gateway.routes[1].id", () -> "substantial");
        registry.add("buergerkonto.gateway.routes[1].path", () -> "/substantial");
        registry.add("buergerkonto.gateway.routes[1].level", () -> "STORK-QAA-Level-3");
        registry.add("buergerkonto.gateway.routes[1].audiences", () -> "demo-cli");
        registry.add("buergerkonto.gateway.routes[2].id", () -> "high");
        registry.add("buergerkonto.gateway.routes[2].path", () -> "/high");
        registry.add("buergerkonto.gateway.routes[2].level", () -> "http://eidas.europa.eu/LoA/high");
        registry.add("buergerkonto.gateway.routes[2].audiences", () -> "demo-cli");
        registry.add("buergerkonto.gateway.routes[3].id", () -> "fresh");
        registry.add("buergerkonto.gateway.routes[3].path", () -> "/fresh");
        registry.add("buergerkonto.gateway.routes[3].level", () -> "substantial");
        registry.add("buergerkonto.gateway.routes[3].max-age", () -> "15m");
        registry.add("buergerkonto.gateway.routes[3].audiences", () -> "demo-cli");
        registry.add("buergerkonto.gateway.routes[4].id", () -> "scoped");
        registry.add("buergerkonto.gateway.routes[4].path", () -> "/scoped");
        registry.add("buergerkonto.gateway.routes[4].level", () -> "basic");
        registry.add("buergerkonto.gateway.routes[4].scopes", () -> "parking.apply,parking.read");
        registry.add("buergerkonto.gateway.routes[4].audiences", () -> "demo-cli");
        registry.add("buergerkonto.gateway.routes[5].id", () -> "other-service");
        registry.add("buergerkonto.gateway.routes[5].path", () -> "/other-service");
        registry.add("buergerkonto.gateway.routes[5].level", () -> "basic");
        registry.add("buergerkonto.gateway.routes[5].audiences", () -> "other-service");
        registry.add("buergerkonto.gateway.routes[6].id", () -> "down");
        registry.add("buergerkonto.gateway.routes[6].path", () -> "/down");
        registry.add("buergerkonto.gateway.routes[6].level", () -> "basic");
        registry.add("buergerkonto.gateway.routes[6].audiences", () -> "demo-cli");
        registry.add("buergerkonto.gateway.routes[6].uri", () -> "http://127.0.0.1:" + closedPort());
        // routes declared the Spring Cloud Gateway way: with the filter, with metadata, without a policy
        registry.add("spring.cloud.gateway.server.webflux.routes[0].id", () -> "yaml-filter");
        registry.add("spring.cloud.gateway.server.webflux.routes[0].predicates[0]", () -> "Path=/yaml-filter/**");
        registry.add("spring.cloud.gateway.server.webflux.routes[0].filters[0]", () -> "TrustLevel=high, demo-cli");
        registry.add("spring.cloud.gateway.server.webflux.routes[1].id", () -> "yaml-metadata");
        registry.add("spring.cloud.gateway.server.webflux.routes[1].predicates[0]", () -> "Path=/yaml-metadata/**");
        registry.add("spring.cloud.gateway.server.webflux.routes[1].filters[0]", () -> "TrustLevel");
        registry.add("spring.cloud.gateway.server.webflux.routes[1].metadata.buergerkonto-policy.level", () -> "substantial");
        registry.add("spring.cloud.gateway.server.webflux.routes[1].metadata.buergerkonto-policy.audiences", () -> "demo-cli");
        registry.add("spring.cloud.gateway.server.webflux.routes[2].id", () -> "yaml-unreadable");
        registry.add("spring.cloud.gateway.server.webflux.routes[2].predicates[0]", () -> "Path=/yaml-unreadable/**");
        registry.add("spring.cloud.gateway.server.webflux.routes[2].filters[0]", () -> "TrustLevel");
        registry.add("spring.cloud.gateway.server.webflux.routes[2].metadata.buergerkonto-policy.level", () -> "medium");
        registry.add("spring.cloud.gateway.server.webflux.routes[2].metadata.buergerkonto-policy.audiences", () -> "demo-cli");
        registry.add("spring.cloud.gateway.server.webflux.routes[3].id", () -> "yaml-without-policy");
        registry.add("spring.cloud.gateway.server.webflux.routes[3].predicates[0]", () -> "Path=/yaml-without-policy/**");
        for (int route = 0; route < 6; route++) {
            registry.add("buergerkonto.gateway.routes[" + route + "].uri", wiremock::baseUrl);
        }
        for (int route = 0; route < 4; route++) {
            registry.add("spring.cloud.gateway.server.webflux.routes[" + route + "].uri", wiremock::baseUrl);
        }
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @AfterAll
    static void stopWireMock() {
        wiremock.stop();
    }

    @BeforeEach
    void upstreamAnswers() {
        wiremock.resetRequests();
        wiremock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"upstream\":true}")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @ParameterizedTest(name = "token {0} on route {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            BASIC       | /basic       | 200 |
            LOW         | /basic       | 200 |
            SUBSTANTIAL | /basic       | 200 |
            HIGH        | /basic       | 200 |
            BASIC       | /substantial | 401 | Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high"
            LOW         | /substantial | 401 | Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high"
            SUBSTANTIAL | /substantial | 200 |
            HIGH        | /substantial | 200 |
            BASIC       | /high        | 401 | Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="http://eidas.europa.eu/LoA/high"
            LOW         | /high        | 401 | Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="http://eidas.europa.eu/LoA/high"
            SUBSTANTIAL | /high        | 401 | Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="http://eidas.europa.eu/LoA/high"
            HIGH        | /high        | 200 |
            """)
    void requestWhenTokenLevelAgainstRouteLevelThenPassOrStepUpChallenge(AssuranceLevel level, String route, int status,
            String challenge) {
        HttpResponse<String> response = Http.get(url(route + "/api/me"), issuer.citizen(level));

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(response.body()).isEqualTo("{\"upstream\":true}");
            return;
        }
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(challenge);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"insufficient_user_authentication\","
                + "\"error_description\":\"A different authentication level is required\"}");
        assertThat(wiremock.findAll(anyRequestedFor(urlPathEqualTo(route + "/api/me")))).isEmpty();
    }

    @Test
    void requestWhenTokenHasNoAcrOrUnknownAcrThenStepUpChallenge() {
        for (String token : List.of(issuer.token(claims -> claims.claim("acr", null)),
                issuer.token(claims -> claims.claim("acr", "substantial")),
                issuer.token(claims -> claims.claim("acr", "urn:example:loa:gold")))) {
            HttpResponse<String> response = Http.get(url("/substantial/api/me"), token);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                    "Bearer error=\"insufficient_user_authentication\", error_description=\"A different authentication level is required\", acr_values=\""
                            + SUBSTANTIAL_OR_HIGHER + "\"");
        }
    }

    @ParameterizedTest(name = "login {0} minutes ago on a 15 minute route -> {1}")
    @CsvSource({"1, 200", "14, 200", "16, 401", "600, 401"})
    void requestWhenAuthTimeAgainstMaxAgeThenPassOrFreshnessChallenge(int minutesAgo, int status) {
        HttpResponse<String> response = Http.get(url("/fresh/api/me"),
                issuer.citizen(AssuranceLevel.HIGH, Duration.ofMinutes(minutesAgo), "openid"));

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                    "Bearer error=\"insufficient_user_authentication\", error_description=\"More recent authentication is required\", acr_values=\""
                            + SUBSTANTIAL_OR_HIGHER + "\", max_age=\"900\"");
            assertThat(response.body()).contains("\"error\":\"insufficient_user_authentication\"");
        }
    }

    @Test
    void requestWhenTokenHasNoAuthTimeOnFreshRouteThenFreshnessChallenge() {
        HttpResponse<String> response = Http.get(url("/fresh/api/me"), issuer.token(claims -> claims.claim("auth_time", null)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).endsWith("max_age=\"900\""));
    }

    @ParameterizedTest(name = "scope \"{0}\" -> {1}")
    @CsvSource({"'openid', 403", "'parking.apply', 403", "'parking.apply parking.read', 200",
            "'openid parking.read parking.apply', 200"})
    void requestWhenScopesAgainstRouteScopesThenPassOrInsufficientScope(String scope, int status) {
        HttpResponse<String> response = Http.get(url("/scoped/api/me"),
                issuer.citizen(AssuranceLevel.BASIC, Duration.ofMinutes(1), scope));

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                    "Bearer error=\"insufficient_scope\", error_description=\"The access token lacks a scope this service needs\", "
                            + "scope=\"parking.apply parking.read\"");
            assertThat(response.body()).isEqualTo("{\"error\":\"insufficient_scope\","
                    + "\"error_description\":\"The access token lacks a scope this service needs\"}");
        }
    }

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                Arguments.of("expired", issuer.token(claims -> claims
                        .issueTime(java.util.Date.from(java.time.Instant.now().minusSeconds(600)))
                        .expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(120))))),
                Arguments.of("not yet valid", issuer.token(claims -> claims
                        .notBeforeTime(java.util.Date.from(java.time.Instant.now().plusSeconds(300))))),
                Arguments.of("without exp", issuer.token(claims -> claims.expirationTime(null))),
                Arguments.of("without sub", issuer.token(claims -> claims.subject(null))),
                Arguments.of("wrong issuer", issuer.token(claims -> claims.issuer("https://evil.example"))),
                Arguments.of("alg none", issuer.unsecured()),
                Arguments.of("key not in JWKS", issuer.signedByUnknownKey()),
                Arguments.of("other key under a known kid", issuer.signedByImpostorUnderKnownKeyId()),
                Arguments.of("HS256 with the public key", issuer.hmacWithPublicKey()),
                Arguments.of("typ JWT (an ID token's type)", issuer.withType(JOSEObjectType.JWT)),
                Arguments.of("garbage", "not-a-jwt"),
                Arguments.of("three garbage parts", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void requestWhenTokenInvalidThenInvalidTokenAndNothingForwarded(String attack, String token) {
        HttpResponse<String> response = Http.get(url("/basic/api/me"), token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer error=\"invalid_token\""));
        assertThat(response.body()).startsWith("{\"error\":\"invalid_token\"");
        assertThat(wiremock.findAll(anyRequestedFor(urlPathEqualTo("/basic/api/me")))).isEmpty();
    }

    @Test
    void requestWhenTokenForAnotherAudienceThenInvalidToken() {
        HttpResponse<String> response = Http.get(url("/other-service/api/me"), issuer.citizen(AssuranceLevel.HIGH));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer error=\"invalid_token\", error_description=\"The access token was not issued for this service\"");
    }

    @Test
    void requestWhenClientIdListedButNotAudienceThenPass() {
        String token = issuer.token(claims -> claims.audience("https://some-resource.example").claim("client_id", "demo-cli"));

        assertThat(Http.get(url("/basic/api/me"), token).statusCode()).isEqualTo(200);
    }

    @Test
    void requestWhenNoTokenThenBareBearerChallenge() {
        HttpResponse<String> response = Http.get(url("/basic/api/me"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"A valid access token is required\"}");
    }

    @Test
    void requestWhenIssuerRotatedKeysThenNewTokensPassAndRetiredKeyFails() {
        String beforeRotation = issuer.citizen(AssuranceLevel.BASIC);
        assertThat(Http.get(url("/basic/api/me"), beforeRotation).statusCode()).isEqualTo(200);

        issuer.rotate();

        assertThat(Http.get(url("/basic/api/me"), issuer.citizen(AssuranceLevel.BASIC)).statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/basic/api/me"), beforeRotation).statusCode()).isEqualTo(401);
    }

    @Test
    void requestWhenClientForgesIdentityHeadersThenUpstreamSeesOnlyTheGatewaysOwn() {
        String token = issuer.citizen(AssuranceLevel.SUBSTANTIAL);
        HttpResponse<String> response = Http.send(Http.request(url("/basic/api/me"))
                .header("Authorization", "Bearer " + token)
                .header("X-Buergerkonto-Level", AssuranceLevel.HIGH.acr())
                .header("X-Buergerkonto-Subject", "someone-else")
                .header("X-User-Id", "admin")
                .header("X-Forwarded-User", "admin")
                .header("X-Auth-Request-Email", "admin@hagen.de")
                .header("X-Remote-User", "admin")
                .header("Remote-User", "admin")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=203.0.113.7;host=evil.example")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        LoggedRequest received = onlyRequestTo("/basic/api/me");
        assertThat(received.getHeaders().keys()).map(String::toLowerCase).doesNotContain("x-user-id", "x-forwarded-user",
                "x-auth-request-email", "x-remote-user", "remote-user", "forwarded");
        assertThat(received.getHeader("X-Buergerkonto-Level")).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(received.getHeader("X-Buergerkonto-Subject")).startsWith("pairwise-").isNotEqualTo("someone-else");
        assertThat(received.getHeaders().getHeader("X-Buergerkonto-Level").values()).hasSize(1);
        assertThat(received.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.getHeader("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.getHeader("X-Request-Id")).isNotBlank();
    }

    @ParameterizedTest(name = "X-Request-Id \"{0}\" kept: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3f2c1a9e-6b7d-4c1e-9a2b-0d4e5f6a7b8c                               | true
            01J9ZK3M4N5P6Q7R8S9T0V1W2X                                         | true
            short                                                              | false
            has spaces in it, quite a few                                      | false
            0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0 | false
            <script>alert(1)</script>                                          | false
            """)
    void requestWhenClientSendsRequestIdThenKeptOnlyIfWellFormed(String sent, boolean kept) {
        HttpResponse<String> response = Http.send(Http.request(url("/basic/api/me"))
                .header("Authorization", "Bearer " + issuer.citizen(AssuranceLevel.BASIC))
                .header("X-Request-Id", sent).build());

        String upstreamSaw = onlyRequestTo("/basic/api/me").getHeader("X-Request-Id");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(upstreamSaw);
        if (kept) {
            assertThat(upstreamSaw).isEqualTo(sent);
        }
        else {
            assertThat(UUID.fromString(upstreamSaw).toString()).isEqualTo(upstreamSaw);
        }
    }

    @Test
    void requestWhenNoRequestIdThenGeneratedAndAlsoOnGatewayErrors() {
        HttpResponse<String> forwarded = Http.get(url("/basic/api/me"), issuer.citizen(AssuranceLevel.BASIC));
        HttpResponse<String> refused = Http.get(url("/high/api/me"), issuer.citizen(AssuranceLevel.BASIC));

        assertThat(forwarded.headers().firstValue("X-Request-Id")).hasValue(onlyRequestTo("/basic/api/me").getHeader("X-Request-Id"));
        assertThat(refused.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());
    }

    @Test
    void requestWhenNoRouteMatchesThenNotFoundJson() {
        HttpResponse<String> response = Http.get(url("/no-such-service/api/me"), issuer.citizen(AssuranceLevel.HIGH));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"error_description\":\"No service is available at this path\"}");
        assertThat(wiremock.getAllServeEvents()).isEmpty();
    }

    @Test
    void requestWhenPathOnlySharesThePrefixTextThenNotFound() {
        assertThat(Http.get(url("/basicfoo/api/me"), issuer.citizen(AssuranceLevel.HIGH)).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} with a {1} token -> {2}")
    @CsvSource({"/yaml-filter, HIGH, 200", "/yaml-filter, SUBSTANTIAL, 401", "/yaml-metadata, SUBSTANTIAL, 200",
            "/yaml-metadata, LOW, 401", "/yaml-unreadable, HIGH, 403", "/yaml-without-policy, HIGH, 403"})
    void requestWhenRouteDeclaredInGatewayConfigThenItsPolicyOrDenied(String route, AssuranceLevel level, int status) {
        HttpResponse<String> response = Http.get(url(route + "/api/me"), issuer.citizen(level));

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.body()).isEqualTo("{\"error\":\"access_denied\",\"error_description\":\"This route has no readable access policy\"}");
            assertThat(wiremock.getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void requestWhenBodyOverTheLimitThenPayloadTooLargeJson() {
        HttpResponse<String> response = Http.send(Http.request(url("/basic/api/permits"))
                .header("Authorization", "Bearer " + issuer.citizen(AssuranceLevel.BASIC))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1025))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).startsWith("{\"error\":\"request_too_large\"");
        assertThat(wiremock.getAllServeEvents()).isEmpty();
    }

    @Test
    void requestWhenBodyWithinTheLimitThenForwarded() {
        HttpResponse<String> response = Http.send(Http.request(url("/basic/api/permits"))
                .header("Authorization", "Bearer " + issuer.citizen(AssuranceLevel.BASIC))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024))).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(onlyRequestTo("/basic/api/permits").getBodyAsString()).hasSize(1024);
    }

    @Test
    void responseWhenAnyThenSecurityHeaders() {
        for (HttpResponse<String> response : List.of(Http.get(url("/basic/api/me"), issuer.citizen(AssuranceLevel.BASIC)),
                Http.get(url("/basic/api/me"), null))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    @Test
    void healthWhenAskedWithoutTokenThenUpWithRedisAndNoDetails() {
        HttpResponse<String> response = Http.get(url("/actuator/health"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"", "\"redis\":{\"status\":\"UP\"}").doesNotContain("version");
    }

    @Test
    void requestWhenUpstreamUnreachableThenBadGatewayJson() {
        HttpResponse<String> response = Http.get(url("/down/api/me"), issuer.citizen(AssuranceLevel.BASIC));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"error\":\"upstream_unavailable\","
                + "\"error_description\":\"The service behind this path is not reachable\"}");
    }

    @Test
    void actuatorWhenOtherThanHealthThenNotServed() {
        HttpResponse<String> response = Http.get(url("/actuator/metrics"), issuer.citizen(AssuranceLevel.HIGH));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(wiremock.getAllServeEvents()).isEmpty();
    }

    private static LoggedRequest onlyRequestTo(String path) {
        List<LoggedRequest> requests = wiremock.findAll(anyRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
