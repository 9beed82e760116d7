package de.buergerkonto.gateway.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.util.JSONObjectUtils;

import de.buergerkonto.gateway.testing.DemoGateway;
import de.buergerkonto.gateway.testing.Http;
import de.buergerkonto.gateway.testing.InProcessAuthServer;

/**
 * The admin API over HTTP with real client-credentials tokens of the auth-server, and two gateway
 * instances sharing one Redis: a change made through one is applied by the other within 5 s,
 * without a restart, and audited.
 */
class AdminApiTest {

    static final String ADMIN_SECRET = "demo-only-city-admin-secret-for-tests";
    static final String OTHER_SECRET = "demo-only-other-service-secret-for-tests";

    static WireMockServer services;
    static InProcessAuthServer authServer;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static final String KEY_PREFIX = "admin-test-" + System.nanoTime();
    static String probeToken;

    @BeforeAll
    static void start() throws Exception {
        services = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        services.start();
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        authServer = InProcessAuthServer.start(List.of(
                "--buergerkonto.clients.city-admin.secret=" + ADMIN_SECRET,
                "--buergerkonto.clients.city-admin.grant-types=client_credentials",
                "--buergerkonto.clients.city-admin.scopes=gateway.admin",
                "--buergerkonto.clients.other-service.secret=" + OTHER_SECRET,
                "--buergerkonto.clients.other-service.grant-types=client_credentials",
                "--buergerkonto.clients.other-service.scopes=api"));
        first = DemoGateway.start(DemoGateway.freePort(), authServer.issuer(), services.baseUrl(), KEY_PREFIX);
        second = DemoGateway.start(DemoGateway.freePort(), authServer.issuer(), services.baseUrl(), KEY_PREFIX);
        probeToken = token("other-service", OTHER_SECRET, "api");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {first, second}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (authServer != null) {
            authServer.close();
        }
        services.stop();
    }

    static String url(ConfigurableApplicationContext gateway, String path) {
        return "http://localhost:" + ((WebServerApplicationContext) gateway).getWebServer().getPort() + path;
    }

    static String token(String client, String secret, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = Http.send(Http.request(authServer.issuer() + "/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) JSONObjectUtils.parse(response.body()).get("access_token");
    }

    static HttpResponse<String> send(String method, String url, String token, String json) {
        HttpRequest.Builder request = Http.request(url).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }

    /**
     * The status a valid token for no demo service gets on {@code path}: 404 without a route, 401
     * (the token is not for this service) with one.
     */
    static int statusWithin(Duration patience, ConfigurableApplicationContext gateway, String path, int wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        int status = Http.get(url(gateway, path), probeToken).statusCode();
        while (status != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = Http.get(url(gateway, path), probeToken).statusCode();
        }
        return status;
    }

    @Test
    void adminApiWhenNoTokenOrNoAdminScopeThenChallenges() throws Exception {
        HttpResponse<String> anonymous = send("GET", url(first, "/admin/api/routes"), null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(anonymous.body()).contains("\"error\":\"invalid_token\"");

        HttpResponse<String> notAdmin = send("PUT", url(first, "/admin/api/routes/abfall"), token("other-service", OTHER_SECRET, "api"),
                "{\"path\":\"/abfall\",\"uri\":\"" + services.baseUrl() + "\",\"level\":\"basic\",\"audiences\":[\"demo-cli\"]}");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer error=\"insufficient_scope\"").endsWith("scope=\"gateway.admin\""));
        assertThat(statusWithin(Duration.ofSeconds(1), second, "/abfall/termine", 404)).isEqualTo(404);
    }

    @Test
    void changeThroughOneInstanceWhenMadeThenOtherAppliesItWithinFiveSecondsAndItIsAudited() throws Exception {
        String admin = token("city-admin", ADMIN_SECRET, "gateway.admin");
        HttpResponse<String> listed = send("GET", url(second, "/admin/api/routes"), admin, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"id\":\"stadt-news\"", "\"id\":\"bewohnerparken\"", "\"id\":\"e-payment\"");
        assertThat(statusWithin(Duration.ZERO, second, "/sperrmuell/termine", 404)).isEqualTo(404);

        // create through the first instance: the second routes it (401: the route exists and wants a token)
        Instant created = Instant.now();
        HttpResponse<String> create = send("PUT", url(first, "/admin/api/routes/sperrmuell"), admin,
                "{\"path\":\"/sperrmuell\",\"uri\":\"" + services.baseUrl() + "\",\"level\":\"substantial\","
                        + "\"audiences\":[\"demo-cli\",\"gateway\"],\"attributes\":[\"given_name\"],\"max_age\":900}");
        assertThat(create.statusCode()).as(create.body()).isEqualTo(200);
        assertThat(statusWithin(Duration.ofSeconds(5), second, "/sperrmuell/termine", 401)).isEqualTo(401);
        assertThat(Duration.between(created, Instant.now())).isLessThan(Duration.ofSeconds(5));
        HttpResponse<String> one = send("GET", url(second, "/admin/api/routes/sperrmuell"), admin, null);
        assertThat(JSONObjectUtils.parse(one.body())).containsEntry("level", "substantial").containsEntry("max_age", 900L);

        // update: the path moves
        HttpResponse<String> update = send("PUT", url(second, "/admin/api/routes/sperrmuell"), admin,
                "{\"path\":\"/abholung\",\"uri\":\"" + services.baseUrl() + "\",\"level\":\"high\",\"audiences\":[\"demo-cli\"]}");
        assertThat(update.statusCode()).isEqualTo(200);
        assertThat(statusWithin(Duration.ofSeconds(5), first, "/abholung/termine", 401)).isEqualTo(401);
        assertThat(statusWithin(Duration.ofSeconds(5), first, "/sperrmuell/termine", 404)).isEqualTo(404);

        // delete
        assertThat(send("DELETE", url(first, "/admin/api/routes/sperrmuell"), admin, null).statusCode()).isEqualTo(204);
        assertThat(statusWithin(Duration.ofSeconds(5), second, "/abholung/termine", 404)).isEqualTo(404);
        assertThat(send("DELETE", url(first, "/admin/api/routes/sperrmuell"), admin, null).statusCode()).isEqualTo(404);

        List<Map<String, Object>> audit = second.getBean(RouteStore.class).audit(3)
                .map(entry -> {
                    try {
                        return JSONObjectUtils.parse(entry);
                    }
                    catch (java.text.ParseException ex) {
                        throw new IllegalStateException(ex);
                    }
                }).collectList().block();
        assertThat(audit).extracting(entry -> entry.get("action")).containsExactly("delete", "update", "create");
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry).containsEntry("who", "city-admin").containsEntry("route", "sperrmuell");
            assertThat(entry.get("at")).isNotNull();
        });
        assertThat(audit.get(1).get("before").toString()).contains("/sperrmuell");
        assertThat(audit.get(1).get("after").toString()).contains("/abholung");
        assertThat(audit.get(2).get("before")).isNull();
        assertThat(audit.get(0).get("after")).isNull();
    }

    @Test
    void putWhenRouteInvalidThenBadRequestNamingTheProblems() throws Exception {
        String admin = token("city-admin", ADMIN_SECRET, "gateway.admin");
        HttpResponse<String> response = send("PUT", url(first, "/admin/api/routes/kaputt"), admin,
                "{\"path\":\"kaputt\",\"uri\":\"" + services.baseUrl() + "\",\"level\":\"medium\",\"audiences\":[]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"invalid_request\"", "level: must be basic");
        HttpResponse<String> attributes = send("PUT", url(first, "/admin/api/routes/kaputt"), admin,
                "{\"path\":\"/kaputt\",\"uri\":\"" + services.baseUrl() + "\",\"level\":\"basic\",\"audiences\":[\"demo-cli\"],"
                        + "\"attributes\":[\"passwort\"]}");
        assertThat(attributes.statusCode()).isEqualTo(400);
        assertThat(attributes.body()).contains("attributesKnown");
    }
}
