package de.buergerkonto.eidadapter.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;

import de.buergerkonto.eidhandover.Purpose;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The eID sessions in Redis, shared by every adapter replica.
 *
 * <p>Key schema (every key expires with the session, {@code eid-adapter.session-ttl}; {@code h(x)}
 * is base64url(SHA-256(x)), so no bearer value is ever a key name):
 * <ul>
 * <li>{@code eid:session:h(sessionId)}: the session as JSON; the session ID is the browser's cookie</li>
 * <li>{@code eid:tc-token:h(tcTokenHandle)}: {@code h(sessionId)}; deleted by the first tc-token call</li>
 * <li>{@code eid:request:h(sessionId)}: the ID of the AuthnRequest sent, set once ({@code SET NX})</li>
 * </ul>
 * A session is consumed exactly once: the assertion consumer deletes it, and only the caller
 * whose {@code DEL} removed it may go on.
 */
public final class EidSessionStore {

    static final String SESSION_PREFIX = "eid:session:";
    static final String TC_TOKEN_PREFIX = "eid:tc-token:";
    static final String REQUEST_PREFIX = "eid:request:";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StatefulRedisConnection<String, String> connection;
    private final Duration ttl;
    private final Clock clock;

    public EidSessionStore(StatefulRedisConnection<String, String> connection, Duration ttl, Clock clock) {
        this.connection = connection;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new session; the returned ID goes into the browser's cookie, nowhere else. */
    public StartedSession start(String returnUrl, Purpose purpose, String state) {
        String sessionId = randomValue();
        EidSession session = new EidSession(returnUrl, purpose, state, randomValue(), randomValue(), clock.instant());
        String key = hash(sessionId);
        try {
            RedisCommands<String, String> redis = connection.sync();
            redis.set(SESSION_PREFIX + key, toJson(session), SetArgs.Builder.px(ttl.toMillis()));
            redis.set(TC_TOKEN_PREFIX + hash(session.tcTokenHandle()), key, SetArgs.Builder.px(ttl.toMillis()));
        } catch (RedisException e) {
            throw new SessionStoreUnavailableException(e);
        }
        return new StartedSession(sessionId, session);
    }

    /** The session of a browser cookie, if it is still there. */
    public Optional<EidSession> find(String sessionId) {
        try {
            return Optional.ofNullable(connection.sync().get(SESSION_PREFIX + hash(sessionId))).map(EidSessionStore::fromJson);
        } catch (RedisException e) {
            throw new SessionStoreUnavailableException(e);
        }
    }

    /**
     * Takes the tc-token handle (usable once) and records the AuthnRequest about to be sent.
     *
     * @return the session, or empty when the handle is unknown, used, expired, or a request was already sent
     */
    public Optional<EidSession> startRequest(String tcTokenHandle, String requestId) {
        try {
            RedisCommands<String, String> redis = connection.sync();
            String key = redis.getdel(TC_TOKEN_PREFIX + hash(tcTokenHandle));
            if (key == null) {
                return Optional.empty();
            }
            long remaining = redis.pttl(SESSION_PREFIX + key);
            String json = redis.get(SESSION_PREFIX + key);
            if (json == null || remaining <= 0) {
                return Optional.empty();
            }
            String set = redis.set(REQUEST_PREFIX + key, requestId, SetArgs.Builder.nx().px(remaining));
            return "OK".equals(set) ? Optional.of(fromJson(json)) : Optional.empty();
        } catch (RedisException e) {
            throw new SessionStoreUnavailableException(e);
        }
    }

    /**
     * Takes the session out of the store: afterwards no one finds it again.
     *
     * @return the session and its request ID; empty when unknown, expired, or consumed already
     */
    public Optional<ConsumedSession> consume(String sessionId) {
        String key = hash(sessionId);
        try {
            RedisCommands<String, String> redis = connection.sync();
            String json = redis.get(SESSION_PREFIX + key);
            if (json == null || redis.del(SESSION_PREFIX + key) != 1) {
                return Optional.empty();
            }
            String requestId = redis.getdel(REQUEST_PREFIX + key);
            return Optional.of(new ConsumedSession(fromJson(json), Optional.ofNullable(requestId)));
        } catch (RedisException e) {
            throw new SessionStoreUnavailableException(e);
        }
    }

    /** 256 random bits, base64url. */
    static String randomValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static String toJson(EidSession session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("return", session.returnUrl());
        json.put("purpose", session.purpose().value());
        json.put("state", session.state());
        json.put("tcToken", session.tcTokenHandle());
        json.put("relayState", session.relayState());
        json.put("startedAt", session.startedAt().toEpochMilli());
        return JSONObjectUtils.toJSONString(json);
    }

    private static EidSession fromJson(String text) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(text);
            return new EidSession(
                    JSONObjectUtils.getString(json, "return"),
                    Purpose.of(JSONObjectUtils.getString(json, "purpose")).orElseThrow(),
                    JSONObjectUtils.getString(json, "state"),
                    JSONObjectUtils.getString(json, "tcToken"),
                    JSONObjectUtils.getString(json, "relayState"),
                    Instant.ofEpochMilli(JSONObjectUtils.getLong(json, "startedAt")));
        } catch (ParseException e) {
            throw new IllegalStateException("An eID session in Redis is not in the format this adapter writes", e);
        }
    }

    /**
     * @param sessionId the browser's cookie value
     * @param session what was stored
     */
    public record StartedSession(String sessionId, EidSession session) {

        @Override
        public String toString() {
            return "StartedSession[" + session + "]";
        }
    }
}
