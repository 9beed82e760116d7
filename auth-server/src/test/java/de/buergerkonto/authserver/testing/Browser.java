package de.buergerkonto.authserver.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A citizen's browser without JavaScript: the JDK's HTTP client with its own cookie jar,
 * following redirects, sending forms as a browser would (hidden fields such as the CSRF token
 * included).
 */
public final class Browser {

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public Browser(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Opens a path of the server, or an absolute link of it (as found in a mail). */
    public Page get(String pathOrLink) {
        return send(HttpRequest.newBuilder(resolve(pathOrLink)).GET());
    }

    /** Fills in the form the selector finds and submits it. */
    public Page submit(Page page, String formSelector, Map<String, String> values) {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No form '" + formSelector + "' on " + page.path() + ": " + page.mainText());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.putAll(values);
        return post(form.attr("action"), fields);
    }

    /** Posts form fields as they are, e.g. without a CSRF token. */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts form fields and asks for JSON, as a page's script does with {@code fetch}; the body is the JSON. */
    public Page postForJson(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "application/json");
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public URI base() {
        return base;
    }

    private Page send(HttpRequest.Builder request) {
        return send(request, "text/html,application/xhtml+xml");
    }

    private Page send(HttpRequest.Builder request, String accept) {
        try {
            HttpResponse<String> response = client.send(
                    request.header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Document document = Jsoup.parse(response.body(), response.uri().toString());
            return new Page(response.statusCode(), response.uri(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private URI resolve(String pathOrLink) {
        URI target = URI.create(pathOrLink);
        if (target.isAbsolute()) {
            // links in mails name the public URL; the test server listens elsewhere
            return base.resolve(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        }
        return base.resolve(pathOrLink);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
