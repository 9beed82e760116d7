package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.passkey.PasskeyRegistration;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.authserver.testing.PasskeyAuthenticator;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.MutableClockConfig;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session's trust levels over time, through the real endpoints with a moved clock: every
 * maximum and idle time of every level at both edges (a level is valid until just before its
 * limit and gone exactly at it, as {@code ReachedLevel.isValidAt} says), the fallback to the
 * highest level still valid, step-up again after the fallback, and a new login when nothing is
 * left.
 */
@Import({MutableClockConfig.class, SessionLevelExpiryTest.IdCardStandIn.class})
class SessionLevelExpiryTest extends EndToEndTest {

    private static final String SECOND_FACTOR_PAGE = "/login/second-factor";
    private static final Duration JUST_BEFORE = Duration.ofMillis(1);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MutableClock clock;

    @Autowired
    PasskeyRegistration passkeys;

    private Account account;
    private AuthenticatorApp app;
    private CitizenBrowser browser;
    private Instant loggedIn;

    @BeforeEach
    void startSession() {
        browser = browser();
    }

    @ParameterizedTest(name = "[{index}] {0} after {1} {2} idle: just before -> {0}, at the limit -> {3}")
    @CsvSource({
            "high,        PT5M,  substantial",
            "substantial, PT30M, low",
            "low,         PT60M, login",
            "basic,       PT60M, login",
    })
    void authorizeWhenLevelIdleThenValidJustBeforeAndFallsBackExactlyAtTheLimit(String level, Duration idle,
            String fallback) throws Exception {
        logInAt(AssuranceLevel.require(level));

        clock.set(loggedIn.plus(idle).minus(JUST_BEFORE));
        assertAuthorizes(level, loggedIn);

        Instant lastUsed = clock.instant();
        clock.set(lastUsed.plus(idle));
        assertAuthorizes(fallback, loggedIn);
    }

    @ParameterizedTest(name = "[{index}] {0} used every {2}: just before {1} -> {0}, at {1} -> {3}")
    @CsvSource({
            "high,        PT30M, PT4M,  substantial",
            "substantial, PT2H,  PT29M, low",
            "low,         PT12H, PT59M, login",
            "basic,       PT12H, PT59M, login",
    })
    void authorizeWhenLevelInUseReachesItsMaximumThenValidJustBeforeAndFallsBackExactlyAtIt(String level,
            Duration max, Duration useEvery, String fallback) throws Exception {
        logInAt(AssuranceLevel.require(level));
        Instant end = loggedIn.plus(max);
        for (Instant use = loggedIn.plus(useEvery); use.isBefore(end); use = use.plus(useEvery)) {
            clock.set(use);
            assertThat(CitizenBrowser.isPage(browser.open(endpoint("/")), "/")).as("account page at %s", use).isTrue();
        }

        clock.set(end.minus(JUST_BEFORE));
        assertAuthorizes(level, loggedIn);

        clock.set(end);
        assertAuthorizes(fallback, loggedIn);
    }

    /**
     * The step-up table of {@link StepUpTest} for sessions whose level has expired: the request is
     * judged against the level the session holds now, not the one it reached.
     */
    @ParameterizedTest(name = "[{index}] {0} idle for {1}, client {2}, acr_values {3}, essential {4}, prompt {5} -> {6}, asked for code: {7}")
    @CsvSource(nullValues = "-", value = {
            "substantial, PT30M, test-public,              -,           -,           -,    low,                               false",
            "substantial, PT30M, test-public,              substantial, -,           -,    substantial,                       true",
            "substantial, PT30M, test-public,              -,           substantial, -,    substantial,                       true",
            "substantial, PT30M, test-public,              substantial, -,           none, interaction_required,              false",
            "substantial, PT30M, test-public,              high,        -,           -,    low,                               false",
            "substantial, PT30M, test-substantial,         -,           -,           -,    substantial,                       true",
            "substantial, PT30M, test-default-substantial, -,           -,           -,    substantial,                       true",
            "substantial, PT29M, test-substantial,         -,           -,           none, substantial,                       false",
            "high,        PT5M,  test-public,              high,        -,           -,    substantial,                       false",
            "high,        PT5M,  test-public,              -,           high,        none, unmet_authentication_requirements, false",
            "high,        PT5M,  test-substantial,         -,           -,           none, substantial,                       false",
    })
    void authorizeWhenSessionLevelExpiredThenJudgedAtTheLevelStillHeld(String level, Duration idle, String client,
            String acrValues, String essential, String prompt, String expected, boolean askedForCode) throws Exception {
        logInAt(AssuranceLevel.require(level));
        clock.set(loggedIn.plus(idle));
        CodeFlow flow = CodeFlow.start(new ClientID(client), PUBLIC_REDIRECT, "openid");
        StringBuilder request = new StringBuilder(flow.request(endpoint("/oauth2/authorize")).toString());
        if (acrValues != null) {
            request.append("&acr_values=").append(encode(AssuranceLevel.require(acrValues).acr()));
        }
        if (essential != null) {
            request.append("&claims=").append(encode("{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\""
                    + AssuranceLevel.require(essential).acr() + "\"]}}}"));
        }
        if (prompt != null) {
            request.append("&prompt=").append(prompt);
        }

        HttpResponse<String> page = browser.open(URI.create(request.toString()));
        boolean asked = CitizenBrowser.isPage(page, SECOND_FACTOR_PAGE);
        if (asked) {
            page = browser.submit(page, "form[action=" + SECOND_FACTOR_PAGE + "]",
                    List.of(Map.entry("code", app.codeAt(clock.instant()))));
        }

        assertThat(asked).as("asked for the second factor").isEqualTo(askedForCode);
        URI callback = callback(page);
        AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
        String outcome = response.indicatesSuccess()
                ? AssuranceLevel.require(idToken(flow, callback).getACR().getValue()).shortName()
                : response.toErrorResponse().getErrorObject().getCode();
        assertThat(outcome).isEqualTo(expected);
    }

    @Test
    void authorizeWhenSubstantialIdledOutAndServiceAsksForItThenSecondFactorAgainAndNewAuthTime() throws Exception {
        logInAt(AssuranceLevel.SUBSTANTIAL);
        clock.set(loggedIn.plus(Duration.ofMinutes(30)));
        assertAuthorizes("low", loggedIn);

        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        HttpResponse<String> page = browser.open(URI.create(flow.request(endpoint("/oauth2/authorize"))
                + "&acr_values=" + encode(AssuranceLevel.SUBSTANTIAL.acr())));
        assertThat(CitizenBrowser.isPage(page, SECOND_FACTOR_PAGE)).as("asked for the code: %s", page.uri()).isTrue();
        Instant steppedUp = clock.instant();
        page = browser.submit(page, "form[action=" + SECOND_FACTOR_PAGE + "]",
                List.of(Map.entry("code", app.codeAt(steppedUp))));

        IDTokenClaimsSet idToken = idToken(flow, callback(page));
        assertThat(idToken.getACR().getValue()).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(idToken.getAuthenticationTime().toInstant().getEpochSecond()).isEqualTo(steppedUp.getEpochSecond());
    }

    @Test
    void authorizeWhenHighIdledOutAndServiceInsistsOnItThenNotIssuedWithoutTheCardAgain() throws Exception {
        logInAt(AssuranceLevel.HIGH);
        clock.set(loggedIn.plus(Duration.ofMinutes(5)));
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        HttpResponse<String> response = browser.open(URI.create(flow.request(endpoint("/oauth2/authorize"))
                + "&prompt=none&claims=" + encode("{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\""
                        + AssuranceLevel.HIGH.acr() + "\"]}}}")));

        AuthenticationResponse answer = AuthenticationResponseParser.parse(CitizenBrowser.redirectTarget(response));
        assertThat(answer.indicatesSuccess()).isFalse();
        assertThat(answer.toErrorResponse().getErrorObject().getCode()).isEqualTo("unmet_authentication_requirements");
    }

    @Test
    void authorizeWhenNoLevelLeftThenLoggedInAgainAtTheNewLoginsLevel() throws Exception {
        logInAt(AssuranceLevel.SUBSTANTIAL);
        clock.set(loggedIn.plus(Duration.ofMinutes(60)));
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        HttpResponse<String> page = browser.open(flow.request(endpoint("/oauth2/authorize")));
        assertThat(CitizenBrowser.isPage(page, "/login")).as("asked to log in: %s", page.uri()).isTrue();
        Instant again = clock.instant();
        page = browser.logIn(page, account.email(), PASSWORD);

        IDTokenClaimsSet idToken = idToken(flow, callback(page));
        assertThat(idToken.getACR().getValue()).isEqualTo(AssuranceLevel.LOW.acr());
        assertThat(idToken.getAuthenticationTime().toInstant().getEpochSecond()).isEqualTo(again.getEpochSecond());
    }

    @Test
    void authorizeWhenPasskeyLoginIdledOutAndServiceInsistsOnSubstantialThenNewLoginWithThePasskey() throws Exception {
        Account erika = account(AssuranceLevel.HIGH);
        PasskeyAuthenticator passkey = new PasskeyAuthenticator();
        assertThat(passkeys.register(erika.id(), "Handy",
                passkey.register(JSON.writeValueAsString(passkeys.creationOptions(erika))))).isPresent();
        loggedIn = clock.instant();
        HttpResponse<String> login = browser.open(endpoint("/login"));
        submitPasskey(login, passkey.assertion(browser.fetchOptions(login, "form#passkey-login")));
        assertAuthorizes("substantial", loggedIn);
        clock.set(loggedIn.plus(Duration.ofMinutes(30)));

        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        HttpResponse<String> page = browser.open(URI.create(flow.request(endpoint("/oauth2/authorize"))
                + "&claims=" + encode("{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\""
                        + AssuranceLevel.SUBSTANTIAL.acr() + "\"]}}}")));
        assertThat(CitizenBrowser.isPage(page, "/login")).as("asked to log in again: %s", page.uri()).isTrue();
        Instant again = clock.instant();
        page = submitPasskey(page, passkey.assertion(browser.fetchOptions(page, "form#passkey-login")));

        IDTokenClaimsSet idToken = idToken(flow, callback(page));
        assertThat(idToken.getACR().getValue()).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(idToken.getAuthenticationTime().toInstant().getEpochSecond()).isEqualTo(again.getEpochSecond());
    }

    /** What the login page's script does last: the browser's response into the hidden field, then submit. */
    private HttpResponse<String> submitPasskey(HttpResponse<String> page, String credential) {
        Document document = CitizenBrowser.parse(page);
        document.selectFirst("form#passkey-login input[name=credential]").val(credential);
        return browser.submit(document, "form#passkey-login", List.of());
    }

    /**
     * Logs a citizen in at the level: an unproven account's password (basic), a proven one's
     * password (low), plus the TOTP code (substantial), or plus the ID card (high).
     */
    private void logInAt(AssuranceLevel level) {
        account = account(level == AssuranceLevel.BASIC ? AssuranceLevel.BASIC : AssuranceLevel.HIGH);
        app = enrolledApp(account);
        loggedIn = clock.instant();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        if (level == AssuranceLevel.SUBSTANTIAL) {
            browser.submit(browser.open(endpoint(SECOND_FACTOR_PAGE)), "form[action=" + SECOND_FACTOR_PAGE + "]",
                    List.of(Map.entry("code", app.codeAt(loggedIn))));
        }
        if (level == AssuranceLevel.HIGH) {
            assertThat(browser.open(endpoint(IdCardStandIn.PATH)).statusCode()).isEqualTo(204);
        }
    }

    /** An authorization request now ends in an ID token at the level and auth_time, or at the login page. */
    private void assertAuthorizes(String expected, Instant authTime) throws Exception {
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        HttpResponse<String> page = browser.open(flow.request(endpoint("/oauth2/authorize")));
        if (expected.equals("login")) {
            assertThat(CitizenBrowser.isPage(page, "/login")).as("asked to log in at %s: %s", clock.instant(),
                    page.uri()).isTrue();
            return;
        }
        IDTokenClaimsSet idToken = idToken(flow, callback(page));
        assertThat(AssuranceLevel.require(idToken.getACR().getValue()).shortName()).as("acr at %s", clock.instant())
                .isEqualTo(expected);
        assertThat(idToken.getAuthenticationTime().toInstant().getEpochSecond()).isEqualTo(authTime.getEpochSecond());
    }

    private URI callback(HttpResponse<String> page) {
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
        assertThat(tokens.indicatesSuccess()).as("token response %s",
                tokens.indicatesSuccess() ? "" : tokens.toErrorResponse().getErrorObject().toJSONObject()).isTrue();
        // read, not validated: the server's clock runs hours ahead, so iat lies in the real future
        IDTokenClaimsSet claims = new IDTokenClaimsSet(((OIDCTokenResponse) tokens.toSuccessResponse())
                .getOIDCTokens().getIDToken().getJWTClaimsSet());
        assertThat(claims.getNonce()).isEqualTo(flow.nonce());
        return claims;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A shortcut to a login at high without driving the eID adapter: like every way to log in
     * (the real one is tested in EidLinkingTest), it only puts a new login (eID, high, now) into
     * the security context and tells nobody.
     */
    @RestController
    static class IdCardStandIn {

        static final String PATH = "/testing/id-card-step-up";

        @Autowired
        MutableClock clock;

        @GetMapping(PATH)
        ResponseEntity<Void> stepUp(Authentication current, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            CitizenAuthentication login = (CitizenAuthentication) current;
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new CitizenAuthentication(login.accountId(), List.of(
                    AuthenticationMethod.PIN, AuthenticationMethod.SMART_CARD, AuthenticationMethod.MULTI_FACTOR),
                    clock.instant(), AssuranceLevel.HIGH));
            SecurityContextHolder.setContext(context);
            new HttpSessionSecurityContextRepository().saveContext(context, request, response);
            return ResponseEntity.noContent().build();
        }
    }
}
