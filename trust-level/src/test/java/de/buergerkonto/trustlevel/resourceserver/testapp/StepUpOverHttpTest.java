package de.buergerkonto.trustlevel.resourceserver.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The resource-server helper over real HTTP (RFC 9470, section 3; RFC 6750, section 3.1): each
 * level against each endpoint's need, freshness at both edges, and the tokens that must never
 * pass. Which answer and why:
 * <ul>
 * <li>a valid token proving too little (level too low, no {@code acr}, an unknown {@code acr},
 * login too old): {@code 401 insufficient_user_authentication}, the client can step up;</li>
 * <li>a token that is not a valid access token ({@code alg: none}, foreign key, wrong {@code typ},
 * expired): {@code 401 invalid_token}, rejected by the decoder before any level is read;</li>
 * <li>no token: {@code 401} with a {@code Bearer} challenge without error; a missing scope: {@code 403
 * insufficient_scope}, Spring Security's defaults.</li>
 * </ul>
 */
@SpringBootTest(classes = PermitsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StepUpOverHttpTest {

    private static final String SUBSTANTIAL_AND_UP = "http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high";
    private static final String LEVEL_CHALLENGE = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"A different authentication level is required\", acr_values=\"%s\"";
    private static final String FRESHNESS_CHALLENGE = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"More recent authentication is required\", acr_values=\"%s\", max_age=\"%d\"";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private TestTokens tokens;

    @Autowired
    private Clock clock;

    // token level x endpoint need; "OK" or the acr_values of the exact challenge
    @ParameterizedTest(name = "{0} token on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "BASIC       | /news     | http://eidas.europa.eu/LoA/low " + SUBSTANTIAL_AND_UP,
            "LOW         | /news     | OK",
            "SUBSTANTIAL | /news     | OK",
            "HIGH        | /news     | OK",
            "BASIC       | /permits  | " + SUBSTANTIAL_AND_UP,
            "LOW         | /permits  | " + SUBSTANTIAL_AND_UP,
            "SUBSTANTIAL | /permits  | OK",
            "HIGH        | /permits  | OK",
            "LOW         | /payments | http://eidas.europa.eu/LoA/high",
            "SUBSTANTIAL | /payments | http://eidas.europa.eu/LoA/high",
            "HIGH        | /payments | OK",
            "LOW         | /profile  | " + SUBSTANTIAL_AND_UP,
            "SUBSTANTIAL | /profile  | OK",
            "HIGH        | /profile  | OK"
    })
    void getWhenTokenLevelThenOkOrExactChallenge(AssuranceLevel level, String path, String expected) throws Exception {
        HttpResponse<String> response = get(path, tokens.citizen(level, Duration.ofMinutes(1), "openid payments"));

        if ("OK".equals(expected)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(level.acr());
        }
        else {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(LEVEL_CHALLENGE.formatted(expected));
        }
    }

    @Test
    void getWhenAnyValidTokenThenLoginClaimsReadable() throws Exception {
        HttpResponse<String> response = get("/account", tokens.citizen(AssuranceLevel.SUBSTANTIAL,
                Duration.ofMinutes(3), "openid"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"level\":\"substantial\",\"amr\":\"[pwd, otp, mfa]\",\"authTime\":\""
                + clock.instant().minus(Duration.ofMinutes(3)) + "\"}");
    }

    @Test
    void getWhenChallengedThenOAuthErrorJsonNotCached() throws Exception {
        HttpResponse<String> response = get("/permits", tokens.citizen(AssuranceLevel.LOW, Duration.ZERO, "openid"));

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).isEqualTo("{\"error\":\"insufficient_user_authentication\","
                + "\"error_description\":\"A different authentication level is required\"}");
    }

    @ParameterizedTest(name = "login {0} s ago -> {1}")
    @CsvSource({
            "899, 200",
            "900, 200",
            "901, 401",
            "3600, 401"
    })
    void getWhenAuthTimeAroundMaxAgeThenFreshUpToTheEdge(long secondsAgo, int status) throws Exception {
        HttpResponse<String> response = get("/permits",
                tokens.citizen(AssuranceLevel.HIGH, Duration.ofSeconds(secondsAgo), "openid"));

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 401) {
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .containsExactly(FRESHNESS_CHALLENGE.formatted(SUBSTANTIAL_AND_UP, 900));
        }
    }

    @Test
    void getWhenTokenWithoutAcrThenInsufficientUserAuthenticationButValidElsewhere() throws Exception {
        // a client-credentials token: valid, but it proves no citizen's login
        String token = tokens.token(claims -> claims.subject(PermitsTestApplication.AUDIENCE).claim("scope", "api"));

        assertThat(get("/account", token).statusCode()).isEqualTo(200);
        HttpResponse<String> response = get("/news", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(LEVEL_CHALLENGE.formatted(
                "http://eidas.europa.eu/LoA/low " + SUBSTANTIAL_AND_UP));
    }

    @CsvSource({
            "urn:other:loa:gold",
            "high",
            "STORK-QAA-Level-4"
    })
    @ParameterizedTest(name = "acr {0}")
    void getWhenAcrUnknownOrNotCanonicalThenInsufficientUserAuthentication(String acr) throws Exception {
        String token = tokens.token(claims -> claims.claim("acr", acr).claim("auth_time", Instant.now().getEpochSecond()));

        HttpResponse<String> response = get("/news", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer error=\"insufficient_user_authentication\""));
    }

    @Test
    void getWhenLevelClaimedInRequestThenOnlyTheTokenCounts() throws Exception {
        String token = tokens.citizen(AssuranceLevel.BASIC, Duration.ZERO, "openid");
        HttpRequest request = HttpRequest.newBuilder(uri("/permits?acr=http://eidas.europa.eu/LoA/high"))
                .header("Authorization", "Bearer " + token)
                .header("acr", AssuranceLevel.HIGH.acr())
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void getWhenScopeMissingThenForbiddenInsufficientScope() throws Exception {
        HttpResponse<String> response = get("/payments", tokens.citizen(AssuranceLevel.HIGH, Duration.ZERO, "openid"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer error=\"insufficient_scope\""));
    }

    @Test
    void getWhenNoTokenThenBareBearerChallenge() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/permits")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        // Spring Security 7 points to its protected resource metadata (RFC 9728, section 5.1)
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(
                "Bearer resource_metadata=\"" + uri("/.well-known/oauth-protected-resource") + "\"");
    }

    @Test
    void getWhenUnsecuredTokenThenInvalidToken() throws Exception {
        assertInvalidToken(get("/news", tokens.unsecured()));
    }

    @Test
    void getWhenSignedByUnknownKeyThenInvalidToken() throws Exception {
        assertInvalidToken(get("/news", tokens.signedByOtherKey(AssuranceLevel.HIGH)));
    }

    @Test
    void getWhenNotAnAccessTokenTypeThenInvalidToken() throws Exception {
        // an ID token (typ JWT) at high must not open an API
        assertInvalidToken(get("/news", tokens.withType("JWT", AssuranceLevel.HIGH)));
    }

    @Test
    void getWhenExpiredThenInvalidToken() throws Exception {
        String token = tokens.token(claims -> claims.claim("acr", AssuranceLevel.HIGH.acr())
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))));

        assertInvalidToken(get("/news", token));
    }

    @Test
    void getWhenOtherAudienceThenInvalidToken() throws Exception {
        String token = tokens.token(claims -> claims.claim("acr", AssuranceLevel.HIGH.acr()).audience("other-service"));

        assertInvalidToken(get("/news", token));
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer error=\"invalid_token\""));
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
