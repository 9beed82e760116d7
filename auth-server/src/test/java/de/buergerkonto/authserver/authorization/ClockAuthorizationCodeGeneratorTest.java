package de.buergerkonto.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;

import de.buergerkonto.authserver.testing.MutableClock;

class ClockAuthorizationCodeGeneratorTest {

    private final Instant now = Instant.parse("2030-01-01T12:00:00Z");
    private final ClockAuthorizationCodeGenerator generator = new ClockAuthorizationCodeGenerator(new MutableClock(now));
    private final RegisteredClient client = RegisteredClient.withId("1").clientId("app")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1:8765/callback")
            .tokenSettings(TokenSettings.builder().authorizationCodeTimeToLive(Duration.ofMinutes(3)).build())
            .build();

    @Test
    void generateWhenCodeThenTimedByTheServerClockWithTheClientsCodeLifetime() {
        OAuth2AuthorizationCode code = generator.generate(context(new OAuth2TokenType(OAuth2ParameterNames.CODE)));

        assertThat(code.getIssuedAt()).isEqualTo(now);
        assertThat(code.getExpiresAt()).isEqualTo(now.plus(Duration.ofMinutes(3)));
        // 96 random bytes, base64url without padding
        assertThat(code.getTokenValue()).hasSize(128).matches("[A-Za-z0-9_-]+");
        assertThat(generator.generate(context(new OAuth2TokenType(OAuth2ParameterNames.CODE))).getTokenValue())
                .isNotEqualTo(code.getTokenValue());
    }

    @Test
    void generateWhenOtherTokenTypeThenNothing() {
        assertThat(generator.generate(context(OAuth2TokenType.ACCESS_TOKEN))).isNull();
    }

    private DefaultOAuth2TokenContext context(OAuth2TokenType type) {
        return DefaultOAuth2TokenContext.builder().registeredClient(client).tokenType(type).build();
    }
}
