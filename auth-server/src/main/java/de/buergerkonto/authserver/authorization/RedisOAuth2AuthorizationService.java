package de.buergerkonto.authserver.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;

import de.buergerkonto.authserver.authorization.StoredAuthorization.StoredToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorizations (codes, access, refresh and ID tokens, pending state) in Redis; the key
 * schema is in {@code docs/redis-keys.md}. Token values appear only as SHA-256 in key names.
 * Every key expires with the longest-lived token it is needed for.
 *
 * <p>Refresh token reuse detection (RFC 9700, section 4.14.2): when a save replaces a refresh
 * token, the old one is remembered until it would have expired. Presenting it again revokes
 * the whole authorization, so both the attacker's and the client's current tokens stop
 * working; the caller gets {@code invalid_grant}. A client that retries a refresh with the
 * same token after a lost response also triggers this: that is the intended strict policy.
 *
 * <p>Writes are single-key commands, not one transaction, so the keys may live in different
 * Redis Cluster slots. The record is written before its indexes and deleted after them: a
 * lookup never finds a token whose record is missing, except for a moment during removal,
 * where it finds nothing.
 */
@Service
public final class RedisOAuth2AuthorizationService implements OAuth2AuthorizationService {

    /** How long an authorization without tokens (waiting for consent) is kept. */
    static final Duration PENDING_TTL = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(RedisOAuth2AuthorizationService.class);

    private static final List<StoredTokenKind> LOOKUP_ORDER_WITHOUT_TYPE = List.of(StoredTokenKind.ACCESS_TOKEN,
            StoredTokenKind.REFRESH_TOKEN, StoredTokenKind.AUTHORIZATION_CODE, StoredTokenKind.ID_TOKEN);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final AuthorizationJsonMapper typedJson = new AuthorizationJsonMapper();
    private final RegisteredClientRepository clients;
    private final Clock clock;

    public RedisOAuth2AuthorizationService(StringRedisTemplate redis, JsonMapper json,
            RegisteredClientRepository clients, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        StoredAuthorization next = StoredAuthorization.of(authorization, typedJson);
        Optional<StoredAuthorization> previous = load(authorization.getId());
        Instant now = clock.instant();
        Duration ttl = next.latestExpiry().map(expiry -> Duration.between(now, expiry)).orElse(PENDING_TTL);
        if (ttl.isNegative() || ttl.isZero()) {
            remove(authorization);
            return;
        }
        redis.opsForValue().set(AuthorizationKeys.authorization(next.id()), json.writeValueAsString(next), ttl);
        for (StoredToken token : next.tokens()) {
            // a code stays findable as long as the tokens issued with it, so a replay can still revoke them
            Duration indexTtl = token.kind() == StoredTokenKind.AUTHORIZATION_CODE ? ttl : remaining(token, now);
            if (!indexTtl.isNegative() && !indexTtl.isZero()) {
                redis.opsForValue().set(AuthorizationKeys.token(token.kind(), token.value()), next.id(), indexTtl);
            }
        }
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            redis.opsForValue().set(AuthorizationKeys.state(state), next.id(), ttl);
        }
        previous.ifPresent(before -> forgetReplaced(before, next, state, now));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        List<String> keys = new ArrayList<>(indexKeys(StoredAuthorization.of(authorization, typedJson)));
        load(authorization.getId()).ifPresent(stored -> keys.addAll(indexKeys(stored)));
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            keys.add(AuthorizationKeys.state(state));
        }
        redis.delete(keys);
        redis.delete(AuthorizationKeys.authorization(authorization.getId()));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return load(id).map(this::toAuthorization).orElse(null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Objects.requireNonNull(token, "token");
        if (tokenType == null) {
            for (StoredTokenKind kind : LOOKUP_ORDER_WITHOUT_TYPE) {
                OAuth2Authorization found = findByToken(token, kind);
                if (found != null) {
                    return found;
                }
            }
            OAuth2Authorization pending = findByState(token);
            return pending != null ? pending : revokeIfRotatedRefreshToken(token);
        }
        if (OAuth2ParameterNames.STATE.equals(tokenType.getValue())) {
            return findByState(token);
        }
        Optional<StoredTokenKind> kind = StoredTokenKind.of(tokenType);
        if (kind.isEmpty()) {
            return null;
        }
        OAuth2Authorization found = findByToken(token, kind.get());
        if (found == null && kind.get() == StoredTokenKind.REFRESH_TOKEN) {
            return revokeIfRotatedRefreshToken(token);
        }
        return found;
    }

    private OAuth2Authorization findByToken(String token, StoredTokenKind kind) {
        return Optional.ofNullable(redis.opsForValue().get(AuthorizationKeys.token(kind, token)))
                .flatMap(this::load)
                // the index names a hash; the record must hold exactly this value
                .filter(stored -> stored.token(kind).map(held -> sameValue(held.value(), token)).orElse(false))
                .map(this::toAuthorization)
                .orElse(null);
    }

    private OAuth2Authorization findByState(String state) {
        return Optional.ofNullable(redis.opsForValue().get(AuthorizationKeys.state(state)))
                .map(this::findById)
                .filter(found -> state.equals(found.getAttribute(OAuth2ParameterNames.STATE)))
                .orElse(null);
    }

    /** A replaced refresh token presented again: the chain is compromised, so all of it ends. */
    private OAuth2Authorization revokeIfRotatedRefreshToken(String token) {
        String rotatedKey = AuthorizationKeys.rotatedRefreshToken(token);
        String authorizationId = redis.opsForValue().get(rotatedKey);
        if (authorizationId == null) {
            return null;
        }
        redis.delete(rotatedKey);
        OAuth2Authorization compromised = findById(authorizationId);
        if (compromised != null) {
            remove(compromised);
            log.warn("Rotated refresh token presented again: revoked authorization {} of client {}",
                    authorizationId, compromised.getRegisteredClientId());
        }
        return null;
    }

    private void forgetReplaced(StoredAuthorization before, StoredAuthorization after, String state, Instant now) {
        for (StoredToken old : before.tokens()) {
            boolean kept = after.token(old.kind()).map(held -> held.value().equals(old.value())).orElse(false);
            if (kept) {
                continue;
            }
            redis.delete(AuthorizationKeys.token(old.kind(), old.value()));
            Duration left = remaining(old, now);
            if (old.kind() == StoredTokenKind.REFRESH_TOKEN && !left.isNegative() && !left.isZero()) {
                redis.opsForValue().set(AuthorizationKeys.rotatedRefreshToken(old.value()), before.id(), left);
            }
        }
        Object previousState = typedJson.read(before.attributes()).get(OAuth2ParameterNames.STATE);
        if (previousState instanceof String oldState && !oldState.equals(state)) {
            redis.delete(AuthorizationKeys.state(oldState));
        }
    }

    private Optional<StoredAuthorization> load(String id) {
        return Optional.ofNullable(redis.opsForValue().get(AuthorizationKeys.authorization(id)))
                .map(value -> json.readValue(value, StoredAuthorization.class));
    }

    private OAuth2Authorization toAuthorization(StoredAuthorization stored) {
        RegisteredClient client = clients.findById(stored.registeredClientId());
        // a client that is no longer registered has no valid authorizations
        return client == null ? null : stored.toAuthorization(client, typedJson);
    }

    private static List<String> indexKeys(StoredAuthorization stored) {
        return stored.tokens().stream().map(token -> AuthorizationKeys.token(token.kind(), token.value())).toList();
    }

    private static Duration remaining(StoredToken token, Instant now) {
        return token.expiresAt() == null ? Duration.ZERO : Duration.between(now, token.expiresAt());
    }

    private static boolean sameValue(String held, String presented) {
        return MessageDigest.isEqual(held.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
