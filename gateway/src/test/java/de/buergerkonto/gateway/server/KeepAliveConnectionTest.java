package de.buergerkonto.gateway.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import de.buergerkonto.gateway.GatewayApplication;
import de.buergerkonto.gateway.testing.TestIssuer;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * A keep-alive connection keeps being read (reactor/reactor-netty#4361, {@link ReadAfterResponseHandler}):
 * two requests in one write, the first answered late (Redis, a slow upstream), the second at once
 * (no token: 401), and then a third request on the same connection.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "buergerkonto.gateway.admin.key-prefix=keep-alive-test",
})
class KeepAliveConnectionTest {

    static final WireMockServer upstream = startUpstream();
    static final TestIssuer issuer = new TestIssuer(upstream, Clock.systemUTC());

    @LocalServerPort
    int port;

    private static WireMockServer startUpstream() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void issuerAndRoute(DynamicPropertyRegistry registry) {
        registry.add("buergerkonto.gateway.issuer", issuer::issuer);
        registry.add("buergerkonto.gateway.routes[0].id", () -> "slow");
        registry.add("buergerkonto.gateway.routes[0].path", () -> "/slow");
        registry.add("buergerkonto.gateway.routes[0].level", () -> "basic");
        registry.add("buergerkonto.gateway.routes[0].audiences", () -> TestIssuer.CLIENT);
        registry.add("buergerkonto.gateway.routes[0].uri", upstream::baseUrl);
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    @Test
    void requestAfterPipelinedRequestAnsweredAtOnceIsStillRead() throws IOException {
        upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(200)));
        String token = issuer.citizen(AssuranceLevel.BASIC);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());

            out.write((get("/slow/page", token) + get("/nowhere", null)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readStatus(in)).isEqualTo(200);
            assertThat(readStatus(in)).isEqualTo(401);

            out.write(get("/nowhere", null).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // without the handler the gateway never reads this request: the read times out
            assertThat(readStatus(in)).isEqualTo(401);
        }
    }

    private String get(String path, String bearer) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "\r\n";
    }

    /** Reads one response (Content-Length or chunked body) and returns its status code. */
    private static int readStatus(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            }
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            in.readNBytes((int) length);
            return status;
        }
        for (long chunk = Long.parseLong(line(in).split(";")[0].trim(), 16); chunk > 0;
                chunk = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
            in.readNBytes((int) chunk);
            line(in);
        }
        line(in);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next == -1) {
                throw new IOException("Connection closed by the gateway");
            }
            if (next != '\r') {
                bytes.write(next);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
