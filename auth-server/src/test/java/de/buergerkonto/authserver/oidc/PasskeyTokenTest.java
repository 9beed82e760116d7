package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.passkey.PasskeyRegistration;
import de.buergerkonto.authserver.testing.PasskeyAuthenticator;
import de.buergerkonto.trustlevel.AssuranceLevel;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service receives after a passkey: the ID token's {@code acr} and {@code amr}, for the
 * passkey alone and for the passkey as the step after the password, with and without the UV flag.
 */
class PasskeyTokenTest extends EndToEndTest {

    private static final String SECOND_FACTOR_PAGE = "/login/second-factor";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    PasskeyRegistration registration;

    @ParameterizedTest(name = "[{index}] proofing {0} -> {1}")
    @CsvSource({"high, substantial", "basic, basic"})
    void authorizeWhenLoggedInWithPasskeyAloneThenLevelIsProofingCappedAtSubstantialAndAmrHwkMfa(String proofing,
            String expected) throws Exception {
        Account account = account(AssuranceLevel.require(proofing));
        PasskeyAuthenticator authenticator = registeredPasskey(account);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        CitizenBrowser browser = browser();

        HttpResponse<String> login = browser.open(flow.request(endpoint("/oauth2/authorize")));
        HttpResponse<String> page = submitCredential(browser, login, "form#passkey-login",
                authenticator.assertion(browser.fetchOptions(login, "form#passkey-login")));

        IDTokenClaimsSet idToken = idToken(flow, callback(browser, page));
        assertThat(AssuranceLevel.parse(idToken.getACR().getValue()).orElseThrow().shortName()).isEqualTo(expected);
        assertThat(idToken.getAMR()).extracting(amr -> amr.getValue()).containsExactly("hwk", "mfa");
    }

    @ParameterizedTest(name = "[{index}] user verified {0}")
    @CsvSource({"true", "false"})
    void authorizeWhenSubstantialDemandedAfterPasswordThenAskedForPasskeyAndTokenSaysSubstantialPwdHwkMfa(
            boolean userVerified) throws Exception {
        Account erika = account(AssuranceLevel.HIGH);
        PasskeyAuthenticator authenticator = registeredPasskey(erika);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        CitizenBrowser browser = browser();
        URI request = URI.create(flow.request(endpoint("/oauth2/authorize")) + "&acr_values="
                + URLEncoder.encode(AssuranceLevel.SUBSTANTIAL.acr(), StandardCharsets.UTF_8));

        HttpResponse<String> secondFactor = browser.logIn(browser.open(request), erika.email(), PASSWORD);
        assertThat(CitizenBrowser.isPage(secondFactor, SECOND_FACTOR_PAGE)).as("page %s", secondFactor.uri()).isTrue();
        String options = browser.fetchOptions(secondFactor, "form#passkey-step-up");
        HttpResponse<String> page = submitCredential(browser, secondFactor, "form#passkey-step-up",
                authenticator.assertion(options, PasskeyAuthenticator.ORIGIN, userVerified));

        IDTokenClaimsSet idToken = idToken(flow, callback(browser, page));
        assertThat(idToken.getACR().getValue()).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(idToken.getAMR()).extracting(amr -> amr.getValue()).containsExactly("pwd", "hwk", "mfa");
    }

    /** A passkey registered directly, as the registration page would after the browser's response. */
    private PasskeyAuthenticator registeredPasskey(Account account) {
        PasskeyAuthenticator authenticator = new PasskeyAuthenticator();
        String options = JSON.writeValueAsString(registration.creationOptions(account));
        assertThat(registration.register(account.id(), "Handy", authenticator.register(options))).isPresent();
        return authenticator;
    }

    /** What the page's script does last: the browser's response into the hidden field, then submit. */
    private static HttpResponse<String> submitCredential(CitizenBrowser browser, HttpResponse<String> page,
            String formSelector, String credential) {
        Document document = CitizenBrowser.parse(page);
        document.selectFirst(formSelector + " input[name=credential]").val(credential);
        return browser.submit(document, formSelector, List.of());
    }

    private static URI callback(CitizenBrowser browser, HttpResponse<String> page) {
        HttpResponse<String> current = page;
        if (CitizenBrowser.isPage(current, "/oauth2/consent")) {
            current = browser.submit(current, "form#consent", List.of());
        }
        return CitizenBrowser.redirectTarget(current);
    }

    private IDTokenClaimsSet idToken(CodeFlow flow, URI callback) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
        assertThat(response.indicatesSuccess()).as("authorization response %s", callback).isTrue();
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = exchange(flow, code);
        assertThat(tokens.indicatesSuccess()).as("token response %s", tokens).isTrue();
        return new IDTokenValidator(new Issuer(issuer()), flow.client(), JWSAlgorithm.RS256,
                endpoint("/oauth2/jwks").toURL())
                .validate(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(), flow.nonce());
    }
}
