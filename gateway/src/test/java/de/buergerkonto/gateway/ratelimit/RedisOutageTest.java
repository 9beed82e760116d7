package de.buergerkonto.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.tomakehurst.wiremock.WireMockServer;

import de.buergerkonto.gateway.GatewayApplication;
import de.buergerkonto.gateway.testing.Http;
import de.buergerkonto.gateway.testing.TestIssuer;
import de.buergerkonto.trustlevel.AssuranceLevel;
import redis.embedded.RedisServer;

/**
 * Pins the failure policy of {@link RateLimitGlobalFilter}, the browser sessions and the route
 * policies in Redis: Redis stops under a running gateway, requests to protected routes fail closed
 * with 503 (JSON, a page for browsers) within the timeouts and never reach the upstream, also once
 * the policy has gone unconfirmed for {@code max-staleness}; once Redis is back they pass again
 * without a restart.
 */
class RedisOutageTest {

    private WireMockServer wiremock;
    private RedisServer redis;
    private ConfigurableApplicationContext gateway;

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
        if (wiremock != null) {
            wiremock.stop();
        }
    }

    @Test
    void requestsWhenRedisStopsThenServiceUnavailableAndRecoverWhenItIsBack() throws Exception {
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wiremock.start();
        wiremock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)));
        TestIssuer issuer = new TestIssuer(wiremock, Clock.systemUTC());
        int redisPort = freePort();
        redis = startRedis(redisPort);
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                "--buergerkonto.gateway.issuer=" + issuer.issuer(),
                "--buergerkonto.gateway.routes[0].id=parking",
                "--buergerkonto.gateway.routes[0].path=/bewohnerparken",
                "--buergerkonto.gateway.routes[0].uri=" + wiremock.baseUrl(),
                "--buergerkonto.gateway.routes[0].level=substantial",
                "--buergerkonto.gateway.routes[0].audiences=" + TestIssuer.CLIENT,
                "--buergerkonto.gateway.admin.poll-interval=500ms",
                "--buergerkonto.gateway.admin.max-staleness=2s");
        String url = "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort()
                + "/bewohnerparken/api/me";
        String token = issuer.citizen(AssuranceLevel.SUBSTANTIAL);
        HttpResponse<String> first = Http.get(url, token);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        redis.stop();
        wiremock.resetRequests();

        Instant asked = Instant.now();
        HttpResponse<String> refused = Http.get(url, token);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(refused.body()).isEqualTo("{\"error\":\"temporarily_unavailable\","
                + "\"error_description\":\"The service is temporarily unavailable; try again shortly\"}");
        assertThat(wiremock.findAll(anyRequestedFor(urlPathEqualTo("/bewohnerparken/api/me")))).isEmpty();
        HttpResponse<String> page = Http.send(Http.request(url.replace("/api/me", "/"))
                .header("Accept", "text/html").build());
        assertThat(page.statusCode()).as("a browser gets the page").isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Vorübergehend nicht verfügbar").doesNotContain("Exception");
        Thread.sleep(3000);
        HttpResponse<String> stale = Http.get(url, token);
        assertThat(stale.statusCode()).as("the policy was not confirmed from Redis for max-staleness").isEqualTo(503);
        assertThat(stale.body()).contains("\"error\":\"temporarily_unavailable\"");
        assertThat(wiremock.findAll(anyRequestedFor(urlPathEqualTo("/bewohnerparken/")))).isEmpty();
        HttpResponse<String> health = Http.get(url.replace("/bewohnerparken/api/me", "/actuator/health"), null);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"redis\":{\"status\":\"DOWN\"}");

        redis = startRedis(redisPort);
        assertThat(firstStatusWithin(Duration.ofSeconds(30), url, token, 200)).isEqualTo(200);
    }

    /** Asks until the wanted status comes or the time is up; Lettuce reconnects in the background. */
    private static int firstStatusWithin(Duration patience, String url, String token, int wanted) {
        Instant deadline = Instant.now().plus(patience);
        int status = Http.get(url, token).statusCode();
        while (status != wanted && Instant.now().isBefore(deadline)) {
            status = Http.get(url, token).statusCode();
        }
        return status;
    }

    private static RedisServer startRedis(int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
