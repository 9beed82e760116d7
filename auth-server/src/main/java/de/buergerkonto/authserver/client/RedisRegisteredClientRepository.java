package de.buergerkonto.authserver.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import de.buergerkonto.trustlevel.AssuranceLevel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registered clients in Redis, without expiry: {@code client:{id}} holds the client as JSON,
 * {@code client-id:{clientId}} the internal id. Client secrets arrive here already hashed.
 *
 * <p>Every token and introspection request looks its clients up, so found clients are kept in
 * memory for {@link #CACHE_TIME}: a change written by another instance applies within that
 * time, one written by this instance at once. Unknown clients are not cached.
 */
@Component
public class RedisRegisteredClientRepository implements RegisteredClientRepository {

    static final Duration CACHE_TIME = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, CachedClient> byId = new ConcurrentHashMap<>();
    private final Map<String, CachedClient> byClientId = new ConcurrentHashMap<>();

    public RedisRegisteredClientRepository(StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void save(RegisteredClient client) {
        redis.opsForValue().set(clientKey(client.getId()), json.writeValueAsString(StoredClient.of(client)));
        redis.opsForValue().set(clientIdKey(client.getClientId()), client.getId());
        remember(client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return cached(byId.get(id)).orElseGet(() -> load(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return cached(byClientId.get(clientId)).orElseGet(() -> {
            String id = redis.opsForValue().get(clientIdKey(clientId));
            return id == null ? null : load(id);
        });
    }

    private RegisteredClient load(String id) {
        String stored = redis.opsForValue().get(clientKey(id));
        if (stored == null) {
            return null;
        }
        RegisteredClient client = json.readValue(stored, StoredClient.class).toRegisteredClient();
        remember(client);
        return client;
    }

    private void remember(RegisteredClient client) {
        CachedClient entry = new CachedClient(client, clock.instant().plus(CACHE_TIME));
        byId.put(client.getId(), entry);
        byClientId.put(client.getClientId(), entry);
    }

    private Optional<RegisteredClient> cached(CachedClient entry) {
        return entry != null && clock.instant().isBefore(entry.freshUntil()) ? Optional.of(entry.client()) : Optional.empty();
    }

    private record CachedClient(RegisteredClient client, Instant freshUntil) {
    }

    private static String clientKey(String id) {
        return "client:" + id;
    }

    private static String clientIdKey(String clientId) {
        return "client-id:" + clientId;
    }

    /** The stored form: only what this server configures, in plain JSON types. */
    record StoredClient(
            String id,
            String clientId,
            Instant clientIdIssuedAt,
            String clientSecretHash,
            String clientName,
            Set<String> authenticationMethods,
            Set<String> grantTypes,
            Set<String> redirectUris,
            Set<String> postLogoutRedirectUris,
            Set<String> scopes,
            boolean requireProofKey,
            boolean requireAuthorizationConsent,
            String minimumLevel,
            String defaultAcrValues,
            Duration accessTokenTtl,
            Duration refreshTokenTtl,
            boolean reuseRefreshTokens) {

        static StoredClient of(RegisteredClient client) {
            return new StoredClient(client.getId(), client.getClientId(), client.getClientIdIssuedAt(),
                    client.getClientSecret(), client.getClientName(),
                    map(client.getClientAuthenticationMethods(), ClientAuthenticationMethod::getValue),
                    map(client.getAuthorizationGrantTypes(), AuthorizationGrantType::getValue),
                    client.getRedirectUris(), client.getPostLogoutRedirectUris(), client.getScopes(),
                    client.getClientSettings().isRequireProofKey(),
                    client.getClientSettings().isRequireAuthorizationConsent(),
                    ClientMinimumLevel.of(client).map(AssuranceLevel::acr).orElse(null),
                    ClientDefaultAcrValues.of(client).orElse(null),
                    client.getTokenSettings().getAccessTokenTimeToLive(),
                    client.getTokenSettings().getRefreshTokenTimeToLive(),
                    client.getTokenSettings().isReuseRefreshTokens());
        }

        RegisteredClient toRegisteredClient() {
            return RegisteredClient.withId(id)
                    .clientId(clientId)
                    .clientIdIssuedAt(clientIdIssuedAt)
                    .clientSecret(clientSecretHash)
                    .clientName(clientName)
                    .clientAuthenticationMethods(methods -> authenticationMethods
                            .forEach(method -> methods.add(new ClientAuthenticationMethod(method))))
                    .authorizationGrantTypes(types -> grantTypes
                            .forEach(type -> types.add(new AuthorizationGrantType(type))))
                    .redirectUris(uris -> uris.addAll(redirectUris))
                    .postLogoutRedirectUris(uris -> uris.addAll(postLogoutRedirectUris))
                    .scopes(all -> all.addAll(scopes))
                    .clientSettings(clientSettings())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(accessTokenTtl)
                            .refreshTokenTimeToLive(refreshTokenTtl)
                            .reuseRefreshTokens(reuseRefreshTokens)
                            .build())
                    .build();
        }

        private ClientSettings clientSettings() {
            ClientSettings.Builder settings = ClientSettings.builder()
                    .requireProofKey(requireProofKey)
                    .requireAuthorizationConsent(requireAuthorizationConsent);
            // an unreadable stored level fails the lookup rather than dropping the minimum
            ClientMinimumLevel.set(settings, minimumLevel == null ? null : AssuranceLevel.require(minimumLevel));
            ClientDefaultAcrValues.set(settings, defaultAcrValues);
            return settings.build();
        }

        private static <T> Set<String> map(Set<T> values, Function<T, String> value) {
            return values.stream().map(value).collect(Collectors.toSet());
        }
    }
}
