package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** What a service receives after the citizen passed the second factor: the tokens say how and how well. */
class SecondFactorTokenTest extends EndToEndTest {

    private static final String SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";

    @Test
    void authorizeWhenEidProvenCitizenPassedTotpThenIdTokenSaysSubstantialWithPwdOtpMfa() throws Exception {
        Account erika = account(AssuranceLevel.HIGH);
        AuthenticatorApp app = enrolledApp(erika);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), erika.email(), PASSWORD);
        Instant beforeSecondFactor = Instant.now().minusSeconds(1);

        HttpResponse<String> home = browser.submit(browser.open(endpoint("/login/second-factor")),
                "form[action=/login/second-factor]", List.of(Map.entry("code", app.codeAt(clock.instant()))));
        assertThat(home.uri().getPath()).isEqualTo("/");

        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "email");
        TokenResponse response = exchange(flow, authorize(browser, flow, erika));
        assertThat(response.indicatesSuccess()).as("token response %s", response).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();

        IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer()), PUBLIC_CLIENT, JWSAlgorithm.RS256,
                endpoint("/oauth2/jwks").toURL());
        IDTokenClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), flow.nonce());
        assertThat(idToken.getACR().getValue()).isEqualTo(SUBSTANTIAL);
        assertThat(idToken.getAMR()).extracting(amr -> amr.getValue()).containsExactly("pwd", "otp", "mfa");
        assertThat(idToken.getStringClaim("sid")).as("the session, under its new id, is still found").isNotBlank();
        assertThat(idToken.getAuthenticationTime())
                .as("auth_time is the second factor, the last active authentication")
                .isAfterOrEqualTo(Date.from(beforeSecondFactor.truncatedTo(ChronoUnit.SECONDS)));
        JWTClaimsSet accessToken = SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue()).getJWTClaimsSet();
        assertThat(accessToken.getStringClaim("acr")).isEqualTo(SUBSTANTIAL);
        assertThat(accessToken.getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
    }

}
