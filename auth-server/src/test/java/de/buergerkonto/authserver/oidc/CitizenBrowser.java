package de.buergerkonto.authserver.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A citizen's browser, driven by hand: keeps cookies, follows redirects only within the
 * server, and fills the login and consent forms the way a person would.
 */
final class CitizenBrowser {

    private final URI server;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    CitizenBrowser(URI server) {
        this.server = server;
    }

    /** Opens the URI and follows redirects until a page is shown or the browser leaves the server. */
    HttpResponse<String> open(URI uri) {
        return follow(send(HttpRequest.newBuilder(uri).GET()));
    }

    /** The authorization request up to the redirect back to the service, logging in and consenting on the way. */
    URI authorize(URI authorizationRequest, String email, String password) {
        HttpResponse<String> response = open(authorizationRequest);
        if (isPage(response, "/login")) {
            response = logIn(response, email, password);
        }
        if (isPage(response, "/oauth2/consent")) {
            response = submit(response, "form#consent", List.of());
        }
        return redirectTarget(response);
    }

    HttpResponse<String> logIn(HttpResponse<String> loginPage, String email, String password) {
        return submit(loginPage, "form", List.of(Map.entry("email", email), Map.entry("password", password)));
    }

    /** Submits a form of the page with its hidden fields, checked boxes and the given fields. */
    HttpResponse<String> submit(HttpResponse<String> page, String formSelector, List<Map.Entry<String, String>> fields) {
        return submit(parse(page), formSelector, fields);
    }

    /** Submits a form of a page the citizen has changed (unticked a box). */
    HttpResponse<String> submit(Document page, String formSelector, List<Map.Entry<String, String>> fields) {
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No " + formSelector + " on " + page.location() + ":\n" + page.outerHtml());
        }
        List<Map.Entry<String, String>> values = new ArrayList<>();
        for (Element input : form.select("input[type=hidden], input[type=checkbox][checked]")) {
            values.add(Map.entry(input.attr("name"), input.attr("value")));
        }
        values.addAll(fields);
        String body = values.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** A form POST to the URI as another site's page sends it (the eID adapter's handover), following redirects. */
    HttpResponse<String> post(URI target, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** What a page's script does before a passkey ceremony: POST to the form's options URL with its CSRF token, for JSON. */
    String fetchOptions(HttpResponse<String> page, String formSelector) {
        Element form = parse(page).selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        try {
            HttpResponse<String> options = http.send(HttpRequest.newBuilder(URI.create(form.absUrl("data-options-url")))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "_csrf=" + encode(form.selectFirst("input[name=_csrf]").attr("value"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (options.statusCode() != 200) {
                throw new AssertionError("Options: " + options.statusCode() + " " + options.body());
            }
            return options.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Document parse(HttpResponse<String> page) {
        return Jsoup.parse(page.body(), page.uri().toString());
    }

    static URI redirectTarget(HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            throw new AssertionError("Expected a redirect, got " + response.statusCode() + " from " + response.uri()
                    + ":\n" + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    static boolean isPage(HttpResponse<String> response, String path) {
        return response.statusCode() == 200 && response.uri().getPath().equals(path);
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10; hops++) {
            if (current.statusCode() / 100 != 3) {
                return current;
            }
            URI target = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (!isOnServer(target)) {
                return current;
            }
            current = send(HttpRequest.newBuilder(target).GET());
        }
        throw new AssertionError("Redirect loop at " + current.uri());
    }

    private boolean isOnServer(URI target) {
        return server.getHost().equals(target.getHost()) && server.getPort() == target.getPort();
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
