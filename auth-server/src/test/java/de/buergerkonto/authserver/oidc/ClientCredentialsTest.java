package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest extends EndToEndTest {

    @Test
    void tokenWhenConfidentialClientCredentialsThenJwtWithClientAsSubjectAndNoLoginClaims() throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(endpoint("/oauth2/token"), confidentialClient(),
                new ClientCredentialsGrant(), new Scope("api")).toHTTPRequest().send());

        assertThat(response.indicatesSuccess()).as("token response %s", response).isTrue();
        AccessTokenResponse tokens = response.toSuccessResponse();
        assertThat(tokens.getTokens().getRefreshToken()).isNull();
        JWTClaimsSet claims = SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(CONFIDENTIAL_CLIENT.getValue());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(CONFIDENTIAL_CLIENT.getValue());
        assertThat(claims.getStringClaim("scope")).isEqualTo("api");
        assertThat(claims.getClaims()).doesNotContainKeys("acr", "amr", "auth_time");

        TokenIntrospectionSuccessResponse introspection = introspect(tokens.getTokens().getAccessToken());
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getSubject().getValue()).isEqualTo(CONFIDENTIAL_CLIENT.getValue());
    }
}
