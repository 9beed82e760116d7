package de.buergerkonto.authserver.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import de.buergerkonto.authserver.AuthServerApplication;
import redis.embedded.RedisServer;

/**
 * Redis stops under a running auth-server: every request fails closed with 503 (JSON for API
 * callers, the error page for browsers) within the configured timeouts, and the server serves
 * again once Redis is back, without a restart.
 */
class RedisOutageTest {

    private static final String CLIENT = "outage-test-service";
    private static final String SECRET = "outage-test-secret-0123456789abcdef";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RedisServer redis;
    private ConfigurableApplicationContext server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void requestsWhenRedisStopsThenServiceUnavailableAndRecoverWhenItIsBack() throws Exception {
        int redisPort = freePort();
        Path data = Files.createTempDirectory("outage-redis-");
        redis = startRedis(redisPort, data);
        server = new SpringApplicationBuilder(AuthServerApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                "--buergerkonto.clients." + CLIENT + ".secret=" + SECRET,
                "--buergerkonto.clients." + CLIENT + ".grant-types=client_credentials",
                "--buergerkonto.clients." + CLIENT + ".scopes=api");
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
        assertThat(tokenRequest(base).statusCode()).isEqualTo(200);

        redis.stop();

        Instant asked = Instant.now();
        HttpResponse<String> token = tokenRequest(base);
        assertThat(token.statusCode()).isEqualTo(503);
        assertThat(token.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(token.body()).contains("\"error\":\"temporarily_unavailable\"").doesNotContain("access_token", "Exception");
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/register"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("<h1>Der Dienst ist vorübergehend nicht erreichbar</h1>").doesNotContain("Exception");

        redis = startRedis(redisPort, data);
        assertThat(firstStatusWithin(Duration.ofSeconds(30), () -> tokenRequest(base).statusCode(), 200)).isEqualTo(200);
    }

    private HttpResponse<String> tokenRequest(String base) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes()))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until the wanted status comes or the time is up; Lettuce reconnects in the background. */
    private static int firstStatusWithin(Duration patience, StatusProbe probe, int wanted) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        int status = probe.status();
        while (status != wanted && Instant.now().isBefore(deadline)) {
            status = probe.status();
        }
        return status;
    }

    private static RedisServer startRedis(int port, Path data) throws IOException {
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("appendonly yes").setting("dir " + data).build();
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @FunctionalInterface
    private interface StatusProbe {
        int status() throws Exception;
    }
}
