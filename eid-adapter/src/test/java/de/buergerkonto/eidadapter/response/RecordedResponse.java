package de.buergerkonto.eidadapter.response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import de.buergerkonto.eidadapter.binding.RedirectBindingLimits;
import de.buergerkonto.eidadapter.keys.PemKeys;

/**
 * The response a real eID-Server (Governikus, development system) sent on 2024-01-24, with its
 * keys and the values expected.json says a correct processor extracts
 * ({@code src/test/resources/eid-server/governikus-dev-2024-01-24/}).
 */
final class RecordedResponse {

    static final String DIRECTORY = "/eid-server/governikus-dev-2024-01-24/";
    static final Duration SKEW = Duration.ofSeconds(30);

    static final String RAW_QUERY = resource("response-redirect-query.txt").strip();
    static final X509Certificate EID_SERVER_CERTIFICATE = PemKeys.certificate(resource("eid-server-signing-cert.pem"));
    static final PrivateKey SP_DECRYPTION_KEY = PemKeys.privateKey(resource("sp-decryption-key.pem"));

    private static final DocumentContext EXPECTED = JsonPath.parse(resource("expected.json"));

    static final String ISSUER = expected("$.issuer");
    static final String DESTINATION = expected("$.destination");
    static final String AUDIENCE = expected("$.audience");
    static final String IN_RESPONSE_TO = expected("$.inResponseTo");
    static final String RELAY_STATE = expected("$.relayState");
    static final Instant ISSUE_INSTANT = Instant.parse(expected("$.issueInstant"));
    static final Instant NOT_ON_OR_AFTER = Instant.parse(expected("$.notOnOrAfter"));
    static final Instant ACCEPT_AT = Instant.parse(expected("$.acceptAt"));

    private RecordedResponse() {
    }

    static String expected(String path) {
        return EXPECTED.read(path);
    }

    static EidResponseSettings settings() {
        return new EidResponseSettings(ISSUER, EID_SERVER_CERTIFICATE, AUDIENCE, DESTINATION, SP_DECRYPTION_KEY,
                SKEW, RedirectBindingLimits.DEFAULT);
    }

    static ExpectedResponse expectedResponse() {
        return new ExpectedResponse(IN_RESPONSE_TO, Optional.of(RELAY_STATE));
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static String resource(String name) {
        try (InputStream in = RecordedResponse.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + DIRECTORY + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
