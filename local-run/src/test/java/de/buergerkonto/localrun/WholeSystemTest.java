package de.buergerkonto.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the tests that run against the whole system as the local run starts it
 * ({@link LocalSystem}, started once per JVM and shared by every subclass). API tests call it with
 * {@link #get}; browser scenarios (parking permit with step-up, E-Payment with the simulated ID
 * card, logout) are methods of a subclass driving {@code Chromium.start()} against
 * {@link LocalSystem#GATEWAY}.
 */
abstract class WholeSystemTest {

    static final String ERIKA = "erika@example.org";
    static final String MAX = "max@example.org";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheSystem() {
        LocalSystem.start();
    }

    /** An access token of {@code demo-cli} for the demo citizen, logged in with the password alone. */
    String accessToken(String email) {
        return new CitizenLogin(LocalSystem.AUTH_SERVER).accessToken(email);
    }

    HttpResponse<String> get(URI uri, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
