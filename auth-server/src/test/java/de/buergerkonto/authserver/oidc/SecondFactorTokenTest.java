package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.secondfactor.totp.Totp;
import de.buergerkonto.authserver.secondfactor.totp.TotpFactors;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** What a service receives after the citizen passed the second factor: the tokens say how and how well. */
class SecondFactorTokenTest extends EndToEndTest {

    private static final String SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";

    @Autowired
    TotpFactors totpFactors;

    @Autowired
    Clock clock;

    @Test
    void authorizeWhenEidProvenCitizenPassedTotpThenIdTokenSaysSubstantialWithPwdOtpMfa() throws Exception {
        Account erika = eidProvenAccount();
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

    private Account eidProvenAccount() {
        String id = UUID.randomUUID().toString();
        Account account = new Account(id, "erika-" + id + "@example.org", passwordEncoder.encode(PASSWORD), true,
                AssuranceLevel.HIGH, AccountStatus.ACTIVE, Instant.now());
        assertThat(accounts.create(account)).isTrue();
        return account;
    }

    /** A TOTP factor stored directly, as the enrolment page would after the first code (some steps ago). */
    private AuthenticatorApp enrolledApp(Account account) {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        totpFactors.add(account.id(), "Authenticator-App", secret, Totp.step(clock.instant()) - 5);
        return AuthenticatorApp.withSecret(secret);
    }
}
