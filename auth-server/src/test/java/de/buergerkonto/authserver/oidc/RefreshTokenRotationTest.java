package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.account.Account;

class RefreshTokenRotationTest extends EndToEndTest {

    @Test
    void refreshWhenPublicClientThenNewRefreshTokenEveryTimeAndLoginClaimsUnchanged() throws Exception {
        Account account = createAccount();
        OIDCTokens first = loginAndExchange(CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "email"), account)
                .getOIDCTokens();

        OIDCTokens second = refresh(PUBLIC_CLIENT, first.getRefreshToken()).getOIDCTokens();
        OIDCTokens third = refresh(PUBLIC_CLIENT, second.getRefreshToken()).getOIDCTokens();

        assertThat(Set.of(first.getRefreshToken(), second.getRefreshToken(), third.getRefreshToken())).hasSize(3);
        JWTClaimsSet original = first.getIDToken().getJWTClaimsSet();
        for (OIDCTokens refreshed : new OIDCTokens[] { second, third }) {
            for (JWTClaimsSet claims : new JWTClaimsSet[] { refreshed.getIDToken().getJWTClaimsSet(),
                    JWTClaimsSet.parse(decodePayload(refreshed.getAccessToken().getValue())) }) {
                assertThat(claims.getSubject()).isEqualTo(original.getSubject());
                assertThat(claims.getStringClaim("acr")).isEqualTo(original.getStringClaim("acr"));
                assertThat(claims.getStringListClaim("amr")).isEqualTo(original.getStringListClaim("amr"));
                assertThat(claims.getLongClaim("auth_time")).isEqualTo(original.getLongClaim("auth_time"));
            }
        }
        assertThat(third.getIDToken().getJWTClaimsSet().getStringClaim("sid"))
                .isEqualTo(original.getStringClaim("sid"));
    }

    @Test
    void refreshWhenRotatedTokenPresentedAgainThenInvalidGrantAndWholeChainRevoked() throws Exception {
        Account account = createAccount();
        OIDCTokens first = loginAndExchange(
                CodeFlow.start(CONFIDENTIAL_CLIENT, CONFIDENTIAL_REDIRECT, "openid", "email"), account).getOIDCTokens();
        OIDCTokens current = refresh(CONFIDENTIAL_CLIENT, first.getRefreshToken()).getOIDCTokens();
        assertThat(introspect(current.getAccessToken()).isActive()).isTrue();

        TokenResponse reuse = refreshResponse(CONFIDENTIAL_CLIENT, first.getRefreshToken());

        assertThat(reuse.indicatesSuccess()).isFalse();
        assertThat(reuse.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
        assertThat(introspect(current.getAccessToken()).isActive()).isFalse();
        assertThat(introspect(current.getRefreshToken()).isActive()).isFalse();
        ErrorObject currentRefresh = refreshResponse(CONFIDENTIAL_CLIENT, current.getRefreshToken()).toErrorResponse()
                .getErrorObject();
        assertThat(currentRefresh.getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
    }

    @Test
    void refreshWhenPublicClientPresentsRotatedTokenThenChainRevoked() throws Exception {
        Account account = createAccount();
        OIDCTokens first = loginAndExchange(CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid"), account)
                .getOIDCTokens();
        OIDCTokens current = refresh(PUBLIC_CLIENT, first.getRefreshToken()).getOIDCTokens();

        assertThat(refreshResponse(PUBLIC_CLIENT, first.getRefreshToken()).indicatesSuccess()).isFalse();

        assertThat(refreshResponse(PUBLIC_CLIENT, current.getRefreshToken()).indicatesSuccess()).isFalse();
        assertThat(introspect(current.getAccessToken()).isActive()).isFalse();
    }

    @Test
    void refreshWhenRefreshTokenOfAnotherClientThenInvalidGrant() throws Exception {
        Account account = createAccount();
        OIDCTokens tokens = loginAndExchange(CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid"), account)
                .getOIDCTokens();

        TokenResponse response = refreshResponse(CONFIDENTIAL_CLIENT, tokens.getRefreshToken());

        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
    }

    @Test
    void refreshWhenUnknownPublicClientThenInvalidClient() throws Exception {
        TokenResponse response = refreshResponse(new ClientID("no-such-client"), new RefreshToken());

        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_CLIENT.getCode());
    }

    private OIDCTokenResponse refresh(ClientID client, RefreshToken token) throws Exception {
        TokenResponse response = refreshResponse(client, token);
        assertThat(response.indicatesSuccess()).as("refresh %s", response).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private TokenResponse refreshResponse(ClientID client, RefreshToken token) throws Exception {
        RefreshTokenGrant grant = new RefreshTokenGrant(token);
        TokenRequest request = client.equals(CONFIDENTIAL_CLIENT)
                ? new TokenRequest(endpoint("/oauth2/token"), confidentialClient(), grant)
                : new TokenRequest(endpoint("/oauth2/token"), client, grant);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    private static String decodePayload(String jwt) {
        return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
