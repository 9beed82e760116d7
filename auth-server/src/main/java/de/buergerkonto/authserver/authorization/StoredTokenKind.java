package de.buergerkonto.authserver.authorization;

import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The tokens an authorization can hold here, each with the token type value Spring's
 * authorization server looks it up by. Device codes are not offered by this server.
 */
enum StoredTokenKind {

    AUTHORIZATION_CODE(OAuth2AuthorizationCode.class, OAuth2ParameterNames.CODE),
    ACCESS_TOKEN(OAuth2AccessToken.class, OAuth2TokenType.ACCESS_TOKEN.getValue()),
    REFRESH_TOKEN(OAuth2RefreshToken.class, OAuth2TokenType.REFRESH_TOKEN.getValue()),
    ID_TOKEN(OidcIdToken.class, OidcParameterNames.ID_TOKEN);

    private final Class<? extends OAuth2Token> tokenClass;
    private final String tokenType;

    StoredTokenKind(Class<? extends OAuth2Token> tokenClass, String tokenType) {
        this.tokenClass = tokenClass;
        this.tokenType = tokenType;
    }

    Class<? extends OAuth2Token> tokenClass() {
        return tokenClass;
    }

    /** The token type value, also the middle part of the index key. */
    String tokenType() {
        return tokenType;
    }

    static Optional<StoredTokenKind> of(OAuth2TokenType type) {
        for (StoredTokenKind kind : values()) {
            if (kind.tokenType.equals(type.getValue())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
