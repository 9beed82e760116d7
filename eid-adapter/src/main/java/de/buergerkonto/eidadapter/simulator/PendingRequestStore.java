package de.buergerkonto.eidadapter.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The simulator's requests between its card page and the tester's choice, in Redis: key
 * {@code eid-simulator:request:<base64url(SHA-256(handle))>}, JSON, TTL 10 minutes, taken once.
 */
final class PendingRequestStore {

    static final String PREFIX = "eid-simulator:request:";
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StatefulRedisConnection<String, String> connection;

    PendingRequestStore(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    /** Stores {@code request}; the handle goes into the card page's form. */
    String put(PendingAuthnRequest request) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestId", request.requestId());
        json.put("relayState", request.relayState());
        json.put("attributes", request.requestedAttributes());
        connection.sync().set(PREFIX + hash(handle), JSONObjectUtils.toJSONString(json), SetArgs.Builder.px(TTL.toMillis()));
        return handle;
    }

    Optional<PendingAuthnRequest> take(String handle) {
        String text = connection.sync().getdel(PREFIX + hash(handle));
        if (text == null) {
            return Optional.empty();
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(text);
            List<String> attributes = JSONObjectUtils.getStringList(json, "attributes");
            return Optional.of(new PendingAuthnRequest(JSONObjectUtils.getString(json, "requestId"),
                    JSONObjectUtils.getString(json, "relayState"), attributes));
        } catch (ParseException e) {
            throw new IllegalStateException("A pending simulator request in Redis is not in the format written", e);
        }
    }

    private static String hash(String handle) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(handle.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
