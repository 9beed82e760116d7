package de.buergerkonto.eidadapter.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import de.buergerkonto.eidhandover.EidHandover;
import de.buergerkonto.eidhandover.EidHandoverTokenReader;
import de.buergerkonto.eidhandover.HandoverTokenException;
import de.buergerkonto.eidadapter.keys.PemKeys;

/**
 * One browser over real HTTP: its own cookies, redirects followed by hand so each step can be
 * looked at, the simulated eID-Server's form posted like a tester would. Plus the auth-server's
 * side of the handover, with the demo keys of the local profile.
 */
final class FlowClient {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final String RETURN_URL = "http://localhost:9000/login/eid/callback";
    static final String ISSUER = "http://localhost:9100/eid/metadata";
    static final String AUDIENCE = "http://localhost:9000";

    private final HttpClient http;

    FlowClient() {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : BASE + url))
                .header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> post(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : BASE + url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** {@code /eid/start} for login with state {@code state}. */
    HttpResponse<String> start(String state) {
        return get("/eid/start?return=" + encode(RETURN_URL) + "&purpose=login&state=" + encode(state));
    }

    /** Start, and the tc-token URL of the page (the simulator link, which is the tc-token URL itself). */
    String startAndTcTokenUrl(String state) {
        Document page = Jsoup.parse(start(state).body());
        return page.selectFirst("a.simulator-link").attr("href");
    }

    /** The eID-Client's call: the 302 to the eID-Server with the AuthnRequest. */
    String tcTokenRedirect(String tcTokenUrl) {
        HttpResponse<String> response = get(tcTokenUrl);
        if (response.statusCode() != 302) {
            throw new IllegalStateException("tc-token answered " + response.statusCode());
        }
        return location(response);
    }

    /** Shows the simulator's card page for {@code ssoLocation} and submits it; returns the ACS URL with the response. */
    String simulator(String ssoLocation, String card, String pin, String action) {
        Document page = Jsoup.parse(get(ssoLocation).body());
        String handle = page.selectFirst("input[name=handle]").attr("value");
        HttpResponse<String> answer = post("/eid-simulator/authenticate", "handle=" + encode(handle) + "&card=" + card
                + "&pin=" + encode(pin) + "&action=" + action);
        return location(answer);
    }

    /** The whole way from start to the ACS answer page. */
    HttpResponse<String> flow(String state, String card, String pin, String action) {
        String acs = simulator(tcTokenRedirect(startAndTcTokenUrl(state)), card, pin, action);
        return get(acs);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no Location"));
    }

    /** The problem key of a citizen page ({@code data-problem}), or "" when the page is none. */
    static String problem(HttpResponse<String> response) {
        Element section = Jsoup.parse(response.body()).selectFirst("[data-problem]");
        return section == null ? "" : section.attr("data-problem");
    }

    /** Reads the handover form of an ACS answer the way the auth-server will. */
    static EidHandover handover(HttpResponse<String> response) throws HandoverTokenException {
        Document page = Jsoup.parse(response.body());
        Element form = page.selectFirst("form#handover");
        if (form == null) {
            throw new IllegalStateException("No handover form; page " + problem(response));
        }
        if (!RETURN_URL.equals(form.attr("action"))) {
            throw new IllegalStateException("Handover goes elsewhere");
        }
        return reader().read(form.selectFirst("input[name=handover_token]").attr("value"));
    }

    static EidHandoverTokenReader reader() {
        Set<String> used = new HashSet<>();
        return new EidHandoverTokenReader(ISSUER, AUDIENCE,
                (RSAPublicKey) PemKeys.certificate(resource("demo-keys/handover-signing.cert.pem")).getPublicKey(),
                PemKeys.privateKey(resource("demo-keys/auth-server-handover.key.pem")), Duration.ofSeconds(30),
                (String jti, Instant keepUntil) -> used.add(jti), Clock.systemUTC());
    }

    static String resource(String path) {
        try (InputStream in = FlowClient.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
