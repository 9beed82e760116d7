package de.buergerkonto.authserver.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens as this server issues them, around Spring's generator:
 * <ul>
 * <li>public clients registered for the refresh grant get them too. Spring refuses them because
 * a public client cannot keep a secret; here every use rotates the token and a reused one
 * revokes the chain (RFC 9700, section 4.14.2), which makes them safe enough;</li>
 * <li>a rotated token ends when the one it replaces would have ended: the configured lifetime
 * is that of the whole chain since the login, not renewed by every use.</li>
 * </ul>
 */
public final class RotatingRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    /** The same entropy as Spring's generator: 96 random bytes. */
    private static final int TOKEN_BYTES = 96;

    private final OAuth2TokenGenerator<OAuth2RefreshToken> delegate;
    private final Clock clock;
    private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(),
            TOKEN_BYTES);

    public RotatingRefreshTokenGenerator(OAuth2TokenGenerator<OAuth2RefreshToken> delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
            return null;
        }
        OAuth2RefreshToken generated = delegate.generate(context);
        if (generated == null && isPublicClientWithRefreshGrant(context.getRegisteredClient())) {
            Instant issuedAt = clock.instant();
            generated = new OAuth2RefreshToken(values.generateKey(), issuedAt,
                    issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
        }
        return generated == null ? null : keepChainEnd(generated, context);
    }

    private static OAuth2RefreshToken keepChainEnd(OAuth2RefreshToken generated, OAuth2TokenContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        if (!AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType()) || authorization == null
                || authorization.getRefreshToken() == null) {
            return generated;
        }
        Instant chainEnd = authorization.getRefreshToken().getToken().getExpiresAt();
        if (chainEnd == null || !generated.getExpiresAt().isAfter(chainEnd)) {
            return generated;
        }
        return new OAuth2RefreshToken(generated.getTokenValue(), generated.getIssuedAt(), chainEnd);
    }

    private static boolean isPublicClientWithRefreshGrant(RegisteredClient client) {
        return client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN);
    }
}
