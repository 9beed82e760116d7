package de.buergerkonto.authserver.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registered clients in Redis, without expiry: {@code client:{id}} holds the client as JSON,
 * {@code client-id:{clientId}} the internal id. Client secrets arrive here already hashed.
 */
@Repository
public class RedisRegisteredClientRepository implements RegisteredClientRepository {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisRegisteredClientRepository(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void save(RegisteredClient client) {
        redis.opsForValue().set(clientKey(client.getId()), json.writeValueAsString(StoredClient.of(client)));
        redis.opsForValue().set(clientIdKey(client.getClientId()), client.getId());
    }

    @Override
    public RegisteredClient findById(String id) {
        return Optional.ofNullable(redis.opsForValue().get(clientKey(id)))
                .map(value -> json.readValue(value, StoredClient.class).toRegisteredClient())
                .orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        String id = redis.opsForValue().get(clientIdKey(clientId));
        return id == null ? null : findById(id);
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
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(requireProofKey)
                            .requireAuthorizationConsent(requireAuthorizationConsent)
                            .build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(accessTokenTtl)
                            .refreshTokenTimeToLive(refreshTokenTtl)
                            .reuseRefreshTokens(reuseRefreshTokens)
                            .build())
                    .build();
        }

        private static <T> Set<String> map(Set<T> values, Function<T, String> value) {
            return values.stream().map(value).collect(Collectors.toSet());
        }
    }
}
