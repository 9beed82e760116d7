package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.account.Account;

/** Token requests that must fail, and what they leave behind. */
class TokenRequestErrorsTest extends EndToEndTest {

    @Test
    void tokenWhenCodeReplayedThenInvalidGrantAndTokensFromThatCodeRevoked() throws Exception {
        Account account = createAccount();
        CodeFlow flow = CodeFlow.start(CONFIDENTIAL_CLIENT, CONFIDENTIAL_REDIRECT, "openid", "email");
        AuthorizationCode code = authorize(browser(), flow, account);
        OIDCTokens tokens = ((OIDCTokenResponse) exchange(flow, code)
                .toSuccessResponse()).getOIDCTokens();
        assertThat(introspect(tokens.getAccessToken()).isActive()).isTrue();

        TokenResponse replay = exchange(flow, code);

        assertThat(replay.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
        assertThat(introspect(tokens.getAccessToken()).isActive()).isFalse();
        assertThat(introspect(tokens.getRefreshToken()).isActive()).isFalse();
    }

    @Test
    void tokenWhenWrongClientSecretThen401InvalidClient() throws Exception {
        TokenRequest request = new TokenRequest(endpoint("/oauth2/token"),
                new ClientSecretBasic(CONFIDENTIAL_CLIENT, new Secret("not-the-secret")), new ClientCredentialsGrant());

        HTTPResponse response = request.toHTTPRequest().send();

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(TokenResponse.parse(response).toErrorResponse().getErrorObject().getCode())
                .isEqualTo(OAuth2Error.INVALID_CLIENT.getCode());
    }

    @Test
    void tokenWhenGrantTypeNotSupportedThenUnsupportedGrantType() throws Exception {
        TokenRequest request = new TokenRequest(endpoint("/oauth2/token"), confidentialClient(),
                new ResourceOwnerPasswordCredentialsGrant("citizen@example.org", new Secret("password")));

        HTTPResponse response = request.toHTTPRequest().send();

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TokenResponse.parse(response).toErrorResponse().getErrorObject().getCode())
                .isEqualTo(OAuth2Error.UNSUPPORTED_GRANT_TYPE.getCode());
    }

    @Test
    void tokenWhenPublicClientAsksForClientCredentialsThen401() throws Exception {
        // written by hand: the Nimbus SDK refuses to build this request
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint("/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&client_id=" + PUBLIC_CLIENT.getValue()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
