package de.buergerkonto.authserver.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.trustlevel.AssuranceLevel;
import tools.jackson.databind.json.JsonMapper;

@CitizenPagesTest
class RedisRegisteredClientRepositoryTest {

    @Autowired
    RedisRegisteredClientRepository clients;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MutableClock clock;

    @Test
    void findWhenSavedThenEveryStoredSettingRoundTrips() {
        RegisteredClient saved = client("round-trip", "Stadt-App");
        clients.save(saved);

        RegisteredClient found = fromAnotherInstance().findByClientId(saved.getClientId());

        assertThat(found).usingRecursiveComparison().isEqualTo(saved);
    }

    @Test
    void findWhenChangedByAnotherInstanceThenSeenAfterCacheTimeAndNotBefore() {
        RegisteredClient original = client("cached", "Alter Name");
        clients.save(original);
        assertThat(clients.findByClientId(original.getClientId()).getClientName()).isEqualTo("Alter Name");

        fromAnotherInstance().save(RegisteredClient.from(original).clientName("Neuer Name").build());

        clock.advance(RedisRegisteredClientRepository.CACHE_TIME.minusMillis(1));
        assertThat(clients.findByClientId(original.getClientId()).getClientName()).isEqualTo("Alter Name");
        assertThat(clients.findById(original.getId()).getClientName()).isEqualTo("Alter Name");
        clock.advance(Duration.ofMillis(1));
        assertThat(clients.findByClientId(original.getClientId()).getClientName()).isEqualTo("Neuer Name");
        assertThat(clients.findById(original.getId()).getClientName()).isEqualTo("Neuer Name");
    }

    @Test
    void findWhenUnknownThenNull() {
        assertThat(clients.findByClientId("no-such-client")).isNull();
        assertThat(clients.findById("no-such-id")).isNull();
    }

    private RedisRegisteredClientRepository fromAnotherInstance() {
        return new RedisRegisteredClientRepository(redis, JsonMapper.builder().build(), clock);
    }

    @Test
    void findWhenStoredMinimumLevelUnknownThenFailsInsteadOfDroppingIt() {
        RegisteredClient saved = client("tampered", "Stadt-App");
        clients.save(saved);
        String key = "client:" + saved.getId();
        redis.opsForValue().set(key, redis.opsForValue().get(key).replace(AssuranceLevel.HIGH.acr(), "medium"));

        assertThatIllegalArgumentException().isThrownBy(() -> fromAnotherInstance().findById(saved.getId()));
    }

    private static ClientSettings minimumLevel(AssuranceLevel level) {
        ClientSettings.Builder settings = ClientSettings.builder().requireProofKey(true);
        ClientMinimumLevel.set(settings, level);
        return settings.build();
    }

    private static RegisteredClient client(String purpose, String name) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(purpose + "-" + UUID.randomUUID())
                .clientName(name)
                .clientSecret("{sha256}00")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://service.example/callback")
                .postLogoutRedirectUri("https://service.example/bye")
                .scope("openid")
                .scope("email")
                .clientSettings(minimumLevel(AssuranceLevel.HIGH))
                .build();
    }
}
