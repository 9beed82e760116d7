package de.buergerkonto.authserver.authorization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The stored form of an {@link OAuth2Authorization}: plain fields in plain JSON, with the
 * attributes and each token's metadata (claims, the "invalidated" flag) as typed JSON from
 * {@link AuthorizationJsonMapper}. Keeping the metadata is what lets Spring revoke the tokens
 * of a replayed authorization code.
 */
record StoredAuthorization(
        String id,
        String registeredClientId,
        String principalName,
        String grantType,
        Set<String> authorizedScopes,
        JsonNode attributes,
        List<StoredToken> tokens) {

    /** One token of the authorization; {@code accessTokenType} and {@code scopes} only for access tokens. */
    record StoredToken(
            StoredTokenKind kind,
            String value,
            Instant issuedAt,
            Instant expiresAt,
            JsonNode metadata,
            String accessTokenType,
            Set<String> scopes) {
    }

    static StoredAuthorization of(OAuth2Authorization authorization, AuthorizationJsonMapper json) {
        List<StoredToken> tokens = new ArrayList<>();
        for (StoredTokenKind kind : StoredTokenKind.values()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass());
            if (token != null) {
                OAuth2Token value = token.getToken();
                boolean access = value instanceof OAuth2AccessToken;
                tokens.add(new StoredToken(kind, value.getTokenValue(), value.getIssuedAt(), value.getExpiresAt(),
                        json.write(token.getMetadata()),
                        access ? ((OAuth2AccessToken) value).getTokenType().getValue() : null,
                        access ? new LinkedHashSet<>(((OAuth2AccessToken) value).getScopes()) : null));
            }
        }
        return new StoredAuthorization(authorization.getId(), authorization.getRegisteredClientId(),
                authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
                new LinkedHashSet<>(authorization.getAuthorizedScopes()), json.write(authorization.getAttributes()),
                tokens);
    }

    OAuth2Authorization toAuthorization(RegisteredClient client, AuthorizationJsonMapper json) {
        Map<String, Object> storedAttributes = json.read(attributes);
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(id)
                .principalName(principalName)
                .authorizationGrantType(new AuthorizationGrantType(grantType))
                .authorizedScopes(authorizedScopes)
                .attributes(values -> values.putAll(storedAttributes));
        for (StoredToken token : tokens) {
            Map<String, Object> metadata = json.read(token.metadata());
            builder.token(toToken(token, metadata), values -> values.putAll(metadata));
        }
        return builder.build();
    }

    /** The latest expiry of any token held; empty while the authorization holds no token yet. */
    Optional<Instant> latestExpiry() {
        return tokens.stream().map(StoredToken::expiresAt).filter(expiry -> expiry != null).max(Instant::compareTo);
    }

    Optional<StoredToken> token(StoredTokenKind kind) {
        return tokens.stream().filter(token -> token.kind() == kind).findFirst();
    }

    private static OAuth2Token toToken(StoredToken token, Map<String, Object> metadata) {
        return switch (token.kind()) {
            case AUTHORIZATION_CODE -> new OAuth2AuthorizationCode(token.value(), token.issuedAt(), token.expiresAt());
            case ACCESS_TOKEN -> new OAuth2AccessToken(accessTokenType(token.accessTokenType()), token.value(),
                    token.issuedAt(), token.expiresAt(), token.scopes());
            case REFRESH_TOKEN -> new OAuth2RefreshToken(token.value(), token.issuedAt(), token.expiresAt());
            case ID_TOKEN -> new OidcIdToken(token.value(), token.issuedAt(), token.expiresAt(),
                    claims(metadata));
        };
    }

    private static OAuth2AccessToken.TokenType accessTokenType(String value) {
        return OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(value)
                ? OAuth2AccessToken.TokenType.DPOP
                : OAuth2AccessToken.TokenType.BEARER;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(Map<String, Object> metadata) {
        return (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
    }
}
