package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.keys.SigningKeys;
import org.springframework.beans.factory.annotation.Autowired;

class AuthorizationCodeFlowTest extends EndToEndTest {

    private static final String BASIC = "urn:buergerkonto:loa:basic";

    @Autowired
    SigningKeys signingKeys;

    @Test
    void authorizeWhenCitizenLogsInAndConsentsThenIdTokenValidatesWithLoginClaims() throws Exception {
        Account account = createAccount();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "email");

        OIDCTokenResponse tokens = loginAndExchange(flow, account);

        IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer()), PUBLIC_CLIENT, JWSAlgorithm.RS256,
                endpoint("/oauth2/jwks").toURL());
        IDTokenClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), flow.nonce());
        assertThat(idToken.getSubject().getValue()).isNotEqualTo(account.id());
        assertThat(idToken.getACR().getValue()).isEqualTo(BASIC);
        assertThat(idToken.getAMR()).extracting(amr -> amr.getValue()).containsExactly("pwd");
        assertThat(idToken.getAuthenticationTime()).isNotNull();
        assertThat(idToken.getStringClaim("sid")).isNotBlank();
        assertThat(((SignedJWT) tokens.getOIDCTokens().getIDToken()).getHeader().getKeyID())
                .isEqualTo(signingKeys.activeKeyId());
        assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();
    }

    @Test
    void tokenWhenIssuedForCitizenThenAccessTokenIsJwtWithPairwiseSubjectAndLoginClaims() throws Exception {
        Account account = createAccount();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "email");

        OIDCTokenResponse tokens = loginAndExchange(flow, account);

        SignedJWT accessToken = SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue());
        JWTClaimsSet claims = accessToken.getJWTClaimsSet();
        JWTClaimsSet idToken = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
        assertThat(accessToken.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(accessToken.getHeader().getKeyID()).isEqualTo(signingKeys.activeKeyId());
        assertThat(claims.getSubject()).isEqualTo(idToken.getSubject());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(PUBLIC_CLIENT.getValue());
        assertThat(claims.getAudience()).containsExactly(PUBLIC_CLIENT.getValue());
        assertThat(claims.getStringClaim("scope")).isEqualTo("email openid");
        assertThat(claims.getStringClaim("acr")).isEqualTo(BASIC);
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(idToken.getLongClaim("auth_time"));
    }

    @Test
    void userInfoWhenTwoServicesAskForTheSameCitizenThenEachSeesItsOwnSubject() throws Exception {
        Account account = createAccount();
        CodeFlow publicFlow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "email");
        CodeFlow confidentialFlow = CodeFlow.start(CONFIDENTIAL_CLIENT, CONFIDENTIAL_REDIRECT, "openid", "email");

        OIDCTokenResponse publicTokens = loginAndExchange(publicFlow, account);
        OIDCTokenResponse confidentialTokens = loginAndExchange(confidentialFlow, account);

        UserInfo publicInfo = userInfo(publicTokens);
        UserInfo confidentialInfo = userInfo(confidentialTokens);
        assertThat(publicInfo.getSubject().getValue())
                .isEqualTo(publicTokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject());
        assertThat(confidentialInfo.getSubject().getValue())
                .isEqualTo(confidentialTokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject());
        assertThat(publicInfo.getSubject()).isNotEqualTo(confidentialInfo.getSubject());
        assertThat(publicInfo.getEmailAddress()).isEqualTo(account.email());
        assertThat(publicInfo.getEmailVerified()).isTrue();
    }

    @Test
    void userInfoWhenScopeEmailNotGrantedThenOnlySubject() throws Exception {
        Account account = createAccount();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "profile");

        UserInfo info = userInfo(loginAndExchange(flow, account));

        assertThat(info.toJSONObject()).containsOnlyKeys("sub");
    }

    @Test
    void introspectWhenCitizenTokenThenActiveWithLoginClaimsAndInactiveAfterRevocation() throws Exception {
        Account account = createAccount();
        CodeFlow flow = CodeFlow.start(CONFIDENTIAL_CLIENT, CONFIDENTIAL_REDIRECT, "openid", "email");
        OIDCTokenResponse tokens = loginAndExchange(flow, account);
        BearerAccessToken accessToken = (BearerAccessToken) tokens.getOIDCTokens().getAccessToken();

        Map<String, Object> active = introspect(accessToken).toJSONObject();
        assertThat(active).containsEntry("active", true)
                .containsEntry("acr", BASIC)
                .containsEntry("amr", List.of("pwd"))
                .containsEntry("sub", tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject())
                .containsEntry("client_id", CONFIDENTIAL_CLIENT.getValue());
        assertThat(active.get("auth_time")).isInstanceOf(Number.class);

        var revocation = new TokenRevocationRequest(endpoint("/oauth2/revoke"), confidentialClient(), accessToken)
                .toHTTPRequest().send();
        assertThat(revocation.getStatusCode()).isEqualTo(200);
        assertThat(introspect(accessToken).isActive()).isFalse();
    }

    @Test
    void authorizeWhenConsentedBeforeThenNoConsentPageAndStatePassedThrough() throws Exception {
        Account account = createAccount();
        CitizenBrowser browser = browser();
        authorize(browser, CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "email"), account);

        CodeFlow second = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "email");
        var response = browser.open(second.request(endpoint("/oauth2/authorize")));

        URI callback = CitizenBrowser.redirectTarget(response);
        assertThat(callback.toString()).startsWith(PUBLIC_REDIRECT + "?code=")
                .contains("state=" + second.state().getValue());
    }

    private UserInfo userInfo(OIDCTokenResponse tokens) throws Exception {
        HTTPResponse http = new UserInfoRequest(endpoint("/userinfo"),
                (BearerAccessToken) tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send();
        UserInfoResponse response = UserInfoResponse.parse(http);
        assertThat(response.indicatesSuccess()).as("userinfo %s %s", http.getStatusCode(),
                http.getHeaderMap()).isTrue();
        return response.toSuccessResponse().getUserInfo();
    }
}
