package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * What an authorization request asks for against what the account can reach, through the real
 * endpoints: proofing x second factor x {@code acr_values} / essential {@code acr} -> the
 * {@code acr} of the ID token or the exact error, and whether the citizen was asked for the code.
 */
class StepUpTest extends EndToEndTest {

    private static final String SECOND_FACTOR_PAGE = "/login/second-factor";
    private static final String OUT_OF_REACH_PAGE = "/login/level-out-of-reach";
    /** Declared in the tests' application-default.yml with minimum-level substantial. */
    private static final ClientID SUBSTANTIAL_CLIENT = new ClientID("test-substantial");

    @ParameterizedTest(name = "[{index}] proofing {0}, TOTP {1}, acr_values {2}, essential {3} -> {4}, asked for code: {5}")
    @CsvSource(nullValues = "-", value = {
            // voluntary acr_values: best effort, the token says what was reached
            "BASIC, false, substantial, -,           basic,                             false",
            "BASIC, true,  substantial, -,           basic,                             false",
            "HIGH,  false, substantial, -,           low,                               false",
            "HIGH,  true,  substantial, -,           substantial,                       true",
            "HIGH,  true,  high,        -,           low,                               false",
            "HIGH,  false, low,         -,           low,                               false",
            "BASIC, false, basic,       -,           basic,                             false",
            // an essential acr must be met (OIDC Core 5.5.1.1)
            "BASIC, false, -,           substantial, unmet_authentication_requirements, false",
            "BASIC, true,  -,           substantial, unmet_authentication_requirements, false",
            "HIGH,  false, -,           substantial, unmet_authentication_requirements, false",
            "HIGH,  true,  -,           substantial, substantial,                       true",
            "HIGH,  true,  -,           high,        unmet_authentication_requirements, false",
            "HIGH,  true,  -,           low,         low,                               false",
            // the essential acr decides, whatever acr_values says
            "HIGH,  true,  low,         substantial, substantial,                       true",
    })
    void authorizeWhenRequirementAndAccountThenAcrOrError(AssuranceLevel proofing, boolean totp, String acrValues,
            String essential, String expected, boolean askedForCode) throws Exception {
        assertLogin(PUBLIC_CLIENT, proofing, totp, acrValues, essential, expected, askedForCode);
    }

    @ParameterizedTest(name = "[{index}] proofing {0}, TOTP {1}, acr_values {2} -> {3}, asked for code: {4}")
    @CsvSource(nullValues = "-", value = {
            "BASIC, true,  -,    unmet_authentication_requirements, false",
            "HIGH,  false, -,    unmet_authentication_requirements, false",
            "HIGH,  true,  -,    substantial,                       true",
            // a voluntary wish for less does not lower the client's minimum
            "HIGH,  true,  low,  substantial,                       true",
            "BASIC, false, low,  unmet_authentication_requirements, false",
            // a voluntary wish for more than reachable still has to meet the minimum
            "HIGH,  true,  high, substantial,                       true",
    })
    void authorizeWhenClientRequiresSubstantialThenNeverWeakerToken(AssuranceLevel proofing, boolean totp,
            String acrValues, String expected, boolean askedForCode) throws Exception {
        assertLogin(SUBSTANTIAL_CLIENT, proofing, totp, acrValues, null, expected, askedForCode);
    }

    /** Declared in the tests' application-default.yml with default-acr-values substantial. */
    private static final ClientID DEFAULT_SUBSTANTIAL_CLIENT = new ClientID("test-default-substantial");

    @ParameterizedTest(name = "[{index}] proofing {0}, TOTP {1}, acr_values {2}, essential {3} -> {4}, asked for code: {5}")
    @CsvSource(nullValues = "-", value = {
            // the client's default_acr_values stand in for a request that names no level: voluntary
            "HIGH,  true,  -,   -,   substantial, true",
            "HIGH,  false, -,   -,   low,         false",
            "BASIC, true,  -,   -,   basic,       false",
            // a level in the request, in acr_values or in claims, replaces the default
            "HIGH,  true,  low, -,   low,         false",
            "HIGH,  true,  -,   low, low,         false",
    })
    void authorizeWhenClientHasDefaultAcrValuesThenTheyCountOnlyWithoutARequestedLevel(AssuranceLevel proofing,
            boolean totp, String acrValues, String essential, String expected, boolean askedForCode) throws Exception {
        assertLogin(DEFAULT_SUBSTANTIAL_CLIENT, proofing, totp, acrValues, essential, expected, askedForCode);
    }

    /** Logs a new account in for the client's request, gives the code if asked, and checks where it ends. */
    private void assertLogin(ClientID client, AssuranceLevel proofing, boolean totp, String acrValues,
            String essential, String expected, boolean askedForCode) throws Exception {
        Account account = account(proofing);
        AuthenticatorApp app = totp ? enrolledApp(account) : null;
        CodeFlow flow = CodeFlow.start(client, PUBLIC_REDIRECT, "openid");
        CitizenBrowser browser = browser();

        HttpResponse<String> page = browser.logIn(browser.open(request(flow, acrValues, essential, null)),
                account.email(), PASSWORD);
        boolean asked = CitizenBrowser.isPage(page, SECOND_FACTOR_PAGE);
        if (asked) {
            page = browser.submit(page, "form[action=" + SECOND_FACTOR_PAGE + "]",
                    List.of(Map.entry("code", app.codeAt(clock.instant()))));
        }
        assertThat(asked).as("asked for the second factor").isEqualTo(askedForCode);
        assertThat(outcome(flow, callback(browser, page))).isEqualTo(expected);
    }

    @Test
    void authorizeWhenEssentialLevelOutOfReachThenPageSaysWhatToSetUpAndItsWayBackTellsTheClient() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        CitizenBrowser browser = browser();

        HttpResponse<String> page = browser.logIn(browser.open(request(flow, null, "substantial", null)),
                account.email(), PASSWORD);

        assertThat(CitizenBrowser.isPage(page, OUT_OF_REACH_PAGE)).as("page %s", page.uri()).isTrue();
        Document explanation = CitizenBrowser.parse(page);
        assertThat(explanation.selectFirst("h1").text()).isEqualTo("Dieser Dienst verlangt ein höheres Vertrauensniveau");
        assertThat(explanation.getElementById("needed").text()).contains("„substanziell“");
        assertThat(explanation.getElementById("missing").text())
                .contains("Identität ist noch nicht mit dem Online-Ausweis nachgewiesen", "zweiten Faktor");
        assertThat(explanation.getElementById("set-up-second-factor").attr("href"))
                .isEqualTo("/account/second-factors/totp/new");
        assertThat(outcome(flow, callback(browser, page))).isEqualTo("unmet_authentication_requirements");
    }

    @Test
    void authorizeWhenEssentialLevelOutOfReachAndPromptNoneThenErrorWithoutPage() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        HttpResponse<String> response = browser.open(request(flow, null, "substantial", "none"));

        assertThat(outcome(flow, CitizenBrowser.redirectTarget(response))).isEqualTo("unmet_authentication_requirements");
    }

    @Test
    void authorizeWhenPromptNoneAndSecondFactorNeededThenInteractionRequired() throws Exception {
        Account account = account(AssuranceLevel.HIGH);
        enrolledApp(account);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        HttpResponse<String> response = browser.open(request(flow, null, "substantial", "none"));

        assertThat(outcome(flow, CitizenBrowser.redirectTarget(response))).isEqualTo("interaction_required");
    }

    @Test
    void authorizeWhenSessionAlreadySubstantialThenNotAskedAgain() throws Exception {
        Account account = account(AssuranceLevel.HIGH);
        AuthenticatorApp app = enrolledApp(account);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        browser.submit(browser.open(endpoint(SECOND_FACTOR_PAGE)), "form[action=" + SECOND_FACTOR_PAGE + "]",
                List.of(Map.entry("code", app.codeAt(clock.instant()))));
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        HttpResponse<String> page = browser.open(request(flow, null, "substantial", null));
        if (CitizenBrowser.isPage(page, "/oauth2/consent")) {
            page = browser.submit(page, "form#consent", List.of());
        }

        assertThat(outcome(flow, CitizenBrowser.redirectTarget(page))).isEqualTo("substantial");
    }

    @Test
    void authorizeWhenLoginOlderThanMaxAgeThenLoggedInAgainOnceAndAuthTimeIsTheNewLogin() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        URI request = URI.create(flow.request(endpoint("/oauth2/authorize")) + "&max_age=0");

        HttpResponse<String> page = browser.open(request);
        assertThat(CitizenBrowser.isPage(page, "/login")).as("asked to log in again: %s", page.uri()).isTrue();
        Instant secondLogin = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        page = browser.logIn(page, account.email(), PASSWORD);
        if (CitizenBrowser.isPage(page, "/oauth2/consent")) {
            page = browser.submit(page, "form#consent", List.of());
        }

        IDTokenClaimsSet idToken = idToken(flow, CitizenBrowser.redirectTarget(page));
        assertThat(idToken.getAuthenticationTime()).isAfterOrEqualTo(Date.from(secondLogin));
    }

    @Test
    void authorizeWhenLoginYoungerThanMaxAgeThenNoNewLogin() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        HttpResponse<String> page = browser.open(URI.create(flow.request(endpoint("/oauth2/authorize")) + "&max_age=3600"));
        if (CitizenBrowser.isPage(page, "/oauth2/consent")) {
            page = browser.submit(page, "form#consent", List.of());
        }

        assertThat(outcome(flow, CitizenBrowser.redirectTarget(page))).isEqualTo("basic");
    }

    @Test
    void authorizeWhenLoginOlderThanMaxAgeAndPromptNoneThenLoginRequired() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        HttpResponse<String> response = browser.open(
                URI.create(flow.request(endpoint("/oauth2/authorize")) + "&max_age=0&prompt=none"));

        assertThat(outcome(flow, CitizenBrowser.redirectTarget(response))).isEqualTo("login_required");
    }

    @Test
    void authorizeWhenClaimsMalformedThenInvalidRequestAtTheClient() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        URI request = URI.create(flow.request(endpoint("/oauth2/authorize")) + "&claims=" + encode("{\"id_token\":"));

        HttpResponse<String> response = browser.open(request);

        assertThat(outcome(flow, CitizenBrowser.redirectTarget(response))).isEqualTo("invalid_request");
    }

    /** Where the browser ends: the redirect to the client, also by the way back of the out-of-reach page. */
    private static URI callback(CitizenBrowser browser, HttpResponse<String> page) {
        HttpResponse<String> current = page;
        if (CitizenBrowser.isPage(current, "/oauth2/consent")) {
            current = browser.submit(current, "form#consent", List.of());
        }
        if (CitizenBrowser.isPage(current, OUT_OF_REACH_PAGE)) {
            return URI.create(CitizenBrowser.parse(current).getElementById("back-to-service").attr("href"));
        }
        return CitizenBrowser.redirectTarget(current);
    }

    /** The short name of the ID token's acr, or the error the client received. */
    private String outcome(CodeFlow flow, URI callback) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
        assertThat(response.getState()).isEqualTo(flow.state());
        if (!response.indicatesSuccess()) {
            return response.toErrorResponse().getErrorObject().getCode();
        }
        return AssuranceLevel.parse(idToken(flow, callback).getACR().getValue()).orElseThrow().shortName();
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

    private URI request(CodeFlow flow, String acrValues, String essential, String prompt) {
        StringBuilder uri = new StringBuilder(flow.request(endpoint("/oauth2/authorize")).toString());
        if (acrValues != null) {
            uri.append("&acr_values=").append(encode(AssuranceLevel.require(acrValues).acr()));
        }
        if (essential != null) {
            uri.append("&claims=").append(encode("{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\""
                    + AssuranceLevel.require(essential).acr() + "\"]}}}"));
        }
        if (prompt != null) {
            uri.append("&prompt=").append(prompt);
        }
        return URI.create(uri.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
