package de.buergerkonto.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen logging in to the local run's public client {@code demo-cli} over HTTP, as the
 * auth-server's own end-to-end tests do: authorization code with PKCE (S256), the login form and
 * the consent form filled like a person would, the code exchanged for tokens. The redirect URI is
 * read from the auth-server's {@code application-local.yml}, so the client's registration stays the
 * one place that names it.
 */
final class CitizenLogin {

    static final String CLIENT = "demo-cli";
    static final String DEMO_PASSWORD = "Mustermann-2026";

    private final URI authServer;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final SecureRandom random = new SecureRandom();

    CitizenLogin(URI authServer) {
        this.authServer = authServer;
    }

    /** Logs {@code email} in with the demo password only and returns the access token {@code demo-cli} gets. */
    String accessToken(String email) {
        String redirectUri = registeredRedirectUri();
        String verifier = randomToken(48);
        String state = randomToken(16);
        URI authorization = URI.create(authServer + "/oauth2/authorize?response_type=code&client_id=" + CLIENT
                + "&redirect_uri=" + encode(redirectUri) + "&scope=" + encode("openid profile")
                + "&state=" + state + "&nonce=" + randomToken(16)
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");

        HttpResponse<String> response = open(authorization);
        if (isPage(response, "/login")) {
            response = submit(response, "form", List.of(Map.entry("email", email), Map.entry("password", DEMO_PASSWORD)));
        }
        if (isPage(response, "/oauth2/consent")) {
            response = submit(response, "form#consent", List.of());
        }
        URI callback = redirectTarget(response);
        Map<String, String> parameters = query(callback);
        if (!state.equals(parameters.get("state")) || parameters.get("code") == null) {
            throw new AssertionError("Unexpected authorization response " + callback);
        }
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(authServer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(List.of(
                        Map.entry("grant_type", "authorization_code"), Map.entry("client_id", CLIENT),
                        Map.entry("redirect_uri", redirectUri), Map.entry("code", parameters.get("code")),
                        Map.entry("code_verifier", verifier))))));
        if (token.statusCode() != 200) {
            throw new AssertionError("Token request failed: " + token.statusCode() + " " + token.body());
        }
        JsonNode body = JsonMapper.builder().build().readTree(token.body());
        return body.get("access_token").asString();
    }

    @SuppressWarnings("unchecked")
    static String registeredRedirectUri() {
        try (InputStream yaml = CitizenLogin.class.getResourceAsStream("/application-local.yml")) {
            Map<String, Object> config = new Yaml().load(yaml);
            Map<String, Object> clients = (Map<String, Object>) ((Map<String, Object>) config.get("buergerkonto")).get("clients");
            return ((List<String>) ((Map<String, Object>) clients.get(CLIENT)).get("redirect-uris")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> open(URI uri) {
        return follow(send(HttpRequest.newBuilder(uri).GET()));
    }

    private HttpResponse<String> submit(HttpResponse<String> page, String formSelector, List<Map.Entry<String, String>> fields) {
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        Element form = document.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        List<Map.Entry<String, String>> values = new ArrayList<>();
        for (Element input : form.select("input[type=hidden], input[type=checkbox][checked]")) {
            values.add(Map.entry(input.attr("name"), input.attr("value")));
        }
        values.addAll(fields);
        return follow(send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values)))));
    }

    /** Follows redirects within the auth-server; stops at the redirect back to the client. */
    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            URI target = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (!authServer.getHost().equals(target.getHost()) || authServer.getPort() != target.getPort()) {
                return current;
            }
            current = send(HttpRequest.newBuilder(target).GET());
        }
        return current;
    }

    private static boolean isPage(HttpResponse<String> response, String path) {
        return response.statusCode() == 200 && response.uri().getPath().equals(path);
    }

    private static URI redirectTarget(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("Expected the redirect to the client, got " + response.statusCode() + " from "
                    + response.uri() + ":\n" + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Accept", "text/html,application/xhtml+xml").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
