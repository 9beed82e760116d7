package de.buergerkonto.authserver.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;

class RotatingRefreshTokenGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration CHAIN = Duration.ofHours(12);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RotatingRefreshTokenGenerator generator = new RotatingRefreshTokenGenerator(springGenerator(), clock);

    @Test
    void generateWhenPublicClientExchangesCodeThenRefreshTokenForTheChainLifetime() {
        RegisteredClient client = client(ClientAuthenticationMethod.NONE, true);

        OAuth2RefreshToken token = generator.generate(codeGrantContext(client));

        assertThat(token).isNotNull();
        assertThat(token.getExpiresAt()).isEqualTo(NOW.plus(CHAIN));
        assertThat(token.getTokenValue()).hasSizeGreaterThanOrEqualTo(128);
    }

    @Test
    void generateWhenPublicClientWithoutRefreshGrantThenNone() {
        assertThat(generator.generate(codeGrantContext(client(ClientAuthenticationMethod.NONE, false)))).isNull();
    }

    @Test
    void generateWhenConfidentialClientThenRefreshToken() {
        RegisteredClient client = client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, true);

        assertThat(generator.generate(codeGrantContext(client)).getExpiresAt()).isEqualTo(NOW.plus(CHAIN));
    }

    @Test
    void generateWhenRotatingThenNewTokenEndsWithTheOneItReplaces() {
        RegisteredClient client = client(ClientAuthenticationMethod.NONE, true);
        Instant chainEnd = NOW.plus(Duration.ofHours(1));
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
                .principalName("account")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .refreshToken(new OAuth2RefreshToken("current", NOW.minus(Duration.ofHours(11)), chainEnd))
                .build();

        OAuth2RefreshToken token = generator.generate(refreshGrantContext(client, authorization));

        assertThat(token.getTokenValue()).isNotEqualTo("current");
        assertThat(token.getExpiresAt()).isEqualTo(chainEnd);
    }

    @Test
    void generateWhenAccessTokenRequestedThenNone() {
        RegisteredClient client = client(ClientAuthenticationMethod.NONE, true);
        DefaultOAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .build();

        assertThat(generator.generate(context)).isNull();
    }

    private OAuth2RefreshTokenGenerator springGenerator() {
        OAuth2RefreshTokenGenerator spring = new OAuth2RefreshTokenGenerator();
        spring.setClock(clock);
        return spring;
    }

    private static DefaultOAuth2TokenContext codeGrantContext(RegisteredClient client) {
        OAuth2ClientAuthenticationToken clientPrincipal = clientPrincipal(client);
        return DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .tokenType(OAuth2TokenType.REFRESH_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrant(new OAuth2AuthorizationCodeAuthenticationToken("code", clientPrincipal,
                        "http://127.0.0.1:8765/callback", Map.of()))
                .build();
    }

    private static DefaultOAuth2TokenContext refreshGrantContext(RegisteredClient client,
            OAuth2Authorization authorization) {
        return DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .authorization(authorization)
                .tokenType(OAuth2TokenType.REFRESH_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .authorizationGrant(new OAuth2RefreshTokenAuthenticationToken("current", clientPrincipal(client),
                        Set.of(), Map.of()))
                .build();
    }

    private static OAuth2ClientAuthenticationToken clientPrincipal(RegisteredClient client) {
        return new OAuth2ClientAuthenticationToken(client, client.getClientAuthenticationMethods().iterator().next(),
                null);
    }

    private static RegisteredClient client(ClientAuthenticationMethod method, boolean refreshGrant) {
        RegisteredClient.Builder client = RegisteredClient.withId("id-" + method.getValue())
                .clientId("client-" + method.getValue())
                .clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:8765/callback")
                .tokenSettings(TokenSettings.builder().refreshTokenTimeToLive(CHAIN).reuseRefreshTokens(false).build());
        if (refreshGrant) {
            client.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        }
        return client.build();
    }
}
