package de.buergerkonto.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import de.buergerkonto.gateway.GatewayApplication;
import de.buergerkonto.gateway.testing.Http;
import de.buergerkonto.gateway.testing.TestIssuer;
import de.buergerkonto.testsupport.TestRedis;
import de.buergerkonto.trustlevel.AssuranceLevel;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Per citizen and per address limits, counted in the real test Redis: 3 per subject, 5 per address. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        // routes live in Redis; a key prefix of its own keeps other tests' routes out
        "buergerkonto.gateway.admin.key-prefix=rate-limit-test",
        "buergerkonto.gateway.rate-limit.per-subject.requests=3",
        "buergerkonto.gateway.rate-limit.per-subject.window=1m",
        "buergerkonto.gateway.rate-limit.per-address.requests=5",
        "buergerkonto.gateway.rate-limit.per-address.window=1m",
})
class RateLimitOverHttpTest {

    static final WireMockServer wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final TestIssuer issuer;

    static {
        wiremock.start();
        issuer = new TestIssuer(wiremock, Clock.systemUTC());
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("buergerkonto.gateway.issuer", issuer::issuer);
        registry.add("buergerkonto.gateway.routes[0].id", () -> "news");
        registry.add("buergerkonto.gateway.routes[0].path", () -> "/stadt-news");
        registry.add("buergerkonto.gateway.routes[0].uri", wiremock::baseUrl);
        registry.add("buergerkonto.gateway.routes[0].level", () -> "basic");
        registry.add("buergerkonto.gateway.routes[0].audiences", () -> TestIssuer.CLIENT);
    }

    @AfterAll
    static void stopWireMock() {
        wiremock.stop();
    }

    @BeforeEach
    void emptyCounters() {
        wiremock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)));
        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        }
        finally {
            client.shutdown();
        }
    }

    @Test
    void requestsWhenOverSubjectLimitThenTooManyWithRetryAfterAndOthersStillPass() {
        String erika = subjectToken("erika");
        for (int i = 0; i < 3; i++) {
            assertThat(get(erika).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = get(erika);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(refused.body()).isEqualTo("{\"error\":\"too_many_requests\",\"error_description\":\"Too many requests; try again later\"}");
        assertThat(get(subjectToken("max")).statusCode()).isEqualTo(200);
    }

    @Test
    void requestsWhenOverAddressLimitThenTooManyWhateverTheSubject() {
        for (int i = 0; i < 5; i++) {
            assertThat(get(subjectToken("citizen-" + i)).statusCode()).isEqualTo(200);
        }

        assertThat(get(subjectToken("citizen-new")).statusCode()).isEqualTo(429);
    }

    @Test
    void redisWhenCountingThenKeysAreHashedWithHashTagAndExpire() {
        get(subjectToken("erika"));

        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().keys("gateway:rate:*")).hasSize(2).allSatisfy(key -> {
                assertThat(key).matches("gateway:rate:\\{(sub|addr):[0-9a-f]{32}\\}").doesNotContain("erika", "127.0.0.1");
                assertThat(connection.sync().pttl(key)).isBetween(1L, 60_000L);
            });
        }
        finally {
            client.shutdown();
        }
    }

    private HttpResponse<String> get(String token) {
        return Http.get("http://127.0.0.1:" + port + "/stadt-news/api/me", token);
    }

    private static String subjectToken(String subject) {
        return issuer.token(claims -> claims.subject(subject).claim("acr", AssuranceLevel.BASIC.acr()));
    }
}
