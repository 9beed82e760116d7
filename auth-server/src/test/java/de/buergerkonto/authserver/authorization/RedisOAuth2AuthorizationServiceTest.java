package de.buergerkonto.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.testsupport.TestRedis;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;
import tools.jackson.databind.json.JsonMapper;

/** The storage against the real test Redis; tokens are made by hand, not by Spring's providers. */
class RedisOAuth2AuthorizationServiceTest {

    private static final RegisteredClient CLIENT = RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId("unit-client")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .redirectUri("http://127.0.0.1:8765/callback")
            .scope("openid")
            .build();

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final RedisOAuth2AuthorizationService service = new RedisOAuth2AuthorizationService(redis,
            JsonMapper.builder().build(), new InMemoryRegisteredClientRepository(CLIENT), Clock.systemUTC());

    @BeforeAll
    static void connect() {
        RedisURI uri = TestRedis.uri();
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        configuration.setDatabase(uri.getDatabase());
        connections = new LettuceConnectionFactory(configuration);
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void findByIdWhenSavedThenLoginTokensAndInvalidatedFlagRoundTrip() {
        OAuth2Authorization authorization = OAuth2Authorization.from(withTokens("refresh-1", "access-1"))
                .invalidate(code("code-1"))
                .build();

        service.save(authorization);
        OAuth2Authorization found = service.findById(authorization.getId());

        assertThat(found.<CitizenAuthentication>getAttribute(Principal.class.getName()))
                .isEqualTo(authorization.getAttribute(Principal.class.getName()));
        assertThat(found.<OAuth2AuthorizationRequest>getAttribute(OAuth2AuthorizationRequest.class.getName())
                .getRedirectUri()).isEqualTo("http://127.0.0.1:8765/callback");
        assertThat(found.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
        assertThat(found.getAccessToken().getToken().getScopes()).containsExactly("openid");
        assertThat(found.getAccessToken().getClaims()).containsEntry("acr", AssuranceLevel.BASIC.acr());
        assertThat(found.getRefreshToken().getToken().getTokenValue()).isEqualTo("refresh-1");
    }

    @Test
    void saveWhenStoredThenKeysNameOnlyHashesAndAllExpire() {
        String refresh = "refresh-" + UUID.randomUUID();
        OAuth2Authorization authorization = withTokens(refresh, "access-" + UUID.randomUUID());

        service.save(authorization);

        List<String> keys = List.copyOf(redis.keys("authorization*"));
        assertThat(keys).isNotEmpty().noneMatch(key -> key.contains(refresh));
        assertThat(keys).allSatisfy(key -> assertThat(redis.getExpire(key)).isPositive());
        assertThat(redis.getExpire(AuthorizationKeys.authorization(authorization.getId())))
                .isBetween(Duration.ofHours(11).toSeconds(), Duration.ofHours(12).toSeconds());
    }

    @Test
    void saveWhenOnlyStateThenKeptTenMinutes() {
        OAuth2Authorization pending = base().attribute(OAuth2ParameterNames.STATE, "state-" + UUID.randomUUID()).build();

        service.save(pending);

        assertThat(redis.getExpire(AuthorizationKeys.authorization(pending.getId())))
                .isBetween(Duration.ofMinutes(9).toSeconds(), Duration.ofMinutes(10).toSeconds());
        assertThat(service.findByToken(pending.getAttribute(OAuth2ParameterNames.STATE),
                new OAuth2TokenType(OAuth2ParameterNames.STATE)).getId()).isEqualTo(pending.getId());
    }

    @Test
    void findByTokenWhenRefreshTokenRotatedThenCurrentTokenFindsAuthorization() {
        OAuth2Authorization first = withTokens("refresh-a-" + UUID.randomUUID(), "access-a");
        service.save(first);

        OAuth2Authorization rotated = rotate(first, "refresh-b-" + UUID.randomUUID(), "access-b");
        service.save(rotated);

        assertThat(service.findByToken(rotated.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN).getId()).isEqualTo(first.getId());
    }

    @Test
    void findByTokenWhenRotatedRefreshTokenPresentedThenNothingFoundAndWholeAuthorizationRemoved() {
        OAuth2Authorization first = withTokens("refresh-a-" + UUID.randomUUID(), "access-a-" + UUID.randomUUID());
        service.save(first);
        OAuth2Authorization rotated = rotate(first, "refresh-b-" + UUID.randomUUID(), "access-b-" + UUID.randomUUID());
        service.save(rotated);

        OAuth2Authorization reused = service.findByToken(first.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN);

        assertThat(reused).isNull();
        assertThat(service.findById(first.getId())).isNull();
        assertThat(service.findByToken(rotated.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findByToken(rotated.getAccessToken().getToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(redis.keys("authorization*")).noneMatch(key -> key.endsWith(first.getId()));
    }

    @Test
    void findByTokenWhenRotatedRefreshTokenPresentedWithoutTypeThenAuthorizationRemoved() {
        OAuth2Authorization first = withTokens("refresh-a-" + UUID.randomUUID(), "access-a-" + UUID.randomUUID());
        service.save(first);
        service.save(rotate(first, "refresh-b-" + UUID.randomUUID(), "access-b-" + UUID.randomUUID()));

        assertThat(service.findByToken(first.getRefreshToken().getToken().getTokenValue(), null)).isNull();

        assertThat(service.findById(first.getId())).isNull();
    }

    @Test
    void findByTokenWhenRotatedRefreshTokenAskedAsAccessTokenThenNothingRevoked() {
        OAuth2Authorization first = withTokens("refresh-a-" + UUID.randomUUID(), "access-a-" + UUID.randomUUID());
        service.save(first);
        service.save(rotate(first, "refresh-b-" + UUID.randomUUID(), "access-b-" + UUID.randomUUID()));

        assertThat(service.findByToken(first.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN)).isNull();

        assertThat(service.findById(first.getId())).isNotNull();
    }

    @Test
    void findByTokenWhenAccessTokenReplacedThenOldAccessTokenNotFound() {
        OAuth2Authorization first = withTokens("refresh-a-" + UUID.randomUUID(), "access-a-" + UUID.randomUUID());
        service.save(first);
        service.save(rotate(first, "refresh-b-" + UUID.randomUUID(), "access-b-" + UUID.randomUUID()));

        assertThat(service.findByToken(first.getAccessToken().getToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN)).isNull();
    }

    @Test
    void removeWhenCalledThenRecordAndEveryIndexGone() {
        OAuth2Authorization authorization = withTokens("refresh-" + UUID.randomUUID(), "access-" + UUID.randomUUID());
        service.save(authorization);

        service.remove(authorization);

        assertThat(service.findById(authorization.getId())).isNull();
        assertThat(redis.hasKey(AuthorizationKeys.token(StoredTokenKind.REFRESH_TOKEN,
                authorization.getRefreshToken().getToken().getTokenValue()))).isFalse();
        assertThat(redis.hasKey(AuthorizationKeys.token(StoredTokenKind.AUTHORIZATION_CODE, "code-1"))).isFalse();
    }

    private static OAuth2Authorization.Builder base() {
        CitizenAuthentication citizen = new CitizenAuthentication(UUID.randomUUID().toString(),
                List.of(AuthenticationMethod.PASSWORD), Instant.parse("2026-01-02T03:04:05Z"), AssuranceLevel.BASIC);
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://localhost/oauth2/authorize")
                .clientId(CLIENT.getClientId())
                .redirectUri("http://127.0.0.1:8765/callback")
                .scopes(Set.of("openid"))
                .state("state")
                .additionalParameters(Map.of("code_challenge", "challenge", "code_challenge_method", "S256"))
                .build();
        return OAuth2Authorization.withRegisteredClient(CLIENT)
                .id(UUID.randomUUID().toString())
                .principalName(citizen.getName())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("openid"))
                .attribute(Principal.class.getName(), citizen)
                .attribute(OAuth2AuthorizationRequest.class.getName(), request);
    }

    private static OAuth2Authorization withTokens(String refreshToken, String accessToken) {
        Instant now = Instant.now();
        return base()
                .token(code("code-1"))
                .token(access(accessToken, now), metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                        claims()))
                .refreshToken(new OAuth2RefreshToken(refreshToken, now, now.plus(Duration.ofHours(12))))
                .build();
    }

    /** As Spring's JWT generator leaves them: mutable JDK maps, which Spring's allowlist accepts. */
    private static Map<String, Object> claims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("acr", AssuranceLevel.BASIC.acr());
        claims.put("auth_time", 1767323045L);
        return claims;
    }

    private static OAuth2Authorization rotate(OAuth2Authorization authorization, String refreshToken,
            String accessToken) {
        Instant now = Instant.now();
        return OAuth2Authorization.from(authorization)
                .accessToken(access(accessToken, now))
                .refreshToken(new OAuth2RefreshToken(refreshToken, now, now.plus(Duration.ofHours(11))))
                .build();
    }

    private static OAuth2AccessToken access(String value, Instant now) {
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, now.plus(Duration.ofMinutes(5)),
                Set.of("openid"));
    }

    private static OAuth2AuthorizationCode code(String value) {
        Instant now = Instant.now();
        return new OAuth2AuthorizationCode(value, now, now.plus(Duration.ofMinutes(5)));
    }
}
