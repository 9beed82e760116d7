package de.buergerkonto.authserver.client;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.security.PasswordEncoderConfig;
import de.buergerkonto.authserver.security.Sha256;

/**
 * Writes the clients declared in configuration into Redis at start. Configuration is the
 * source of truth for them: a changed declaration replaces the stored one, keeping its id.
 * Every client must use PKCE (RFC 9700, section 2.1.1) and gets rotating refresh tokens.
 */
@Component
class DeclaredClientSeeder implements InitializingBean {

    private final ClientDeclarations declarations;
    private final RedisRegisteredClientRepository clients;
    private final Clock clock;

    DeclaredClientSeeder(ClientDeclarations declarations, RedisRegisteredClientRepository clients,
            Clock clock) {
        this.declarations = declarations;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        for (Map.Entry<String, DeclaredClient> declared : declarations.clients().entrySet()) {
            clients.save(toRegisteredClient(declared.getKey(), declared.getValue()));
        }
    }

    private static ClientSettings clientSettings(DeclaredClient declared) {
        ClientSettings.Builder settings = ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(declared.consentRequired());
        ClientMinimumLevel.set(settings, declared.minimumAssuranceLevel());
        ClientDefaultAcrValues.set(settings, declared.defaultAcrLevels());
        return settings.build();
    }

    private RegisteredClient toRegisteredClient(String clientId, DeclaredClient declared) {
        RegisteredClient existing = clients.findByClientId(clientId);
        RegisteredClient.Builder client = RegisteredClient
                .withId(existing != null ? existing.getId() : UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(existing != null ? existing.getClientIdIssuedAt() : clock.instant())
                .clientName(declared.name() != null ? declared.name() : clientId)
                .authorizationGrantTypes(types -> declared.grantTypes()
                        .forEach(type -> types.add(new AuthorizationGrantType(type))))
                .redirectUris(uris -> declared.redirectUris().forEach(uri -> uris.add(uri.toString())))
                .postLogoutRedirectUris(uris -> declared.postLogoutRedirectUris()
                        .forEach(uri -> uris.add(uri.toString())))
                .scopes(scopes -> scopes.addAll(declared.scopes()))
                .clientSettings(clientSettings(declared))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(declared.accessTokenTtl())
                        .refreshTokenTimeToLive(declared.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build());
        if (declared.isPublic()) {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            client.clientSecret(PasswordEncoderConfig.CLIENT_SECRET_PREFIX + Sha256.hex(declared.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        return client.build();
    }
}
