package de.buergerkonto.authserver.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactor;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorType;
import de.buergerkonto.authserver.testing.Browser;
import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.Page;
import de.buergerkonto.authserver.testing.PasskeyAuthenticator;
import de.buergerkonto.authserver.testing.SecondFactorSteps;
import de.buergerkonto.trustlevel.AssuranceLevel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys through the real pages and Redis, with {@link PasskeyAuthenticator} in the browser's
 * place: registration on the factor pages, the login without password, the step after the
 * password, and every refused case of the login (WebAuthn Level 2, section 7.2).
 */
@CitizenPagesTest
@ExtendWith(OutputCaptureExtension.class)
class PasskeyFlowTest {

    private static final String REGISTER_PATH = "/account/second-factors/passkey/new";
    private static final String LOGIN_FAILED = "Die Anmeldung mit dem Passkey hat nicht geklappt.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SecondFactorRepository factors;

    @Autowired
    MutableClock clock;

    @Test
    void registerWhenFirstFactorThenListedAsPasskeyWithRecoveryCodes() {
        Account erika = SecondFactorSteps.createAccount(accounts, passwordEncoder, AssuranceLevel.HIGH);
        Browser browser = loggedIn(erika);
        Page form = browser.get(REGISTER_PATH);
        JsonNode options = JSON.readTree(options(browser, form, "form#passkey-register"));

        assertThat(options.at("/rp/id").asString()).isEqualTo("localhost");
        assertThat(options.at("/authenticatorSelection/residentKey").asString()).isEqualTo("required");
        assertThat(options.at("/authenticatorSelection/userVerification").asString()).isEqualTo("required");
        assertThat(options.at("/user/id").asString()).as("a random user handle, not the account id")
                .doesNotContain(erika.id()).hasSize(43);

        PasskeyAuthenticator laptop = new PasskeyAuthenticator();
        Page result = browser.submit(form, "form#passkey-register",
                Map.of("factorName", "Laptop", "credential", laptop.register(options.toString())));

        assertThat(result.document().getElementById("enrolled").text()).isEqualTo("Ihr Passkey ist eingerichtet.");
        assertThat(result.document().select("#recovery-codes code")).hasSize(10);
        SecondFactor factor = factors.findAll(erika.id()).get(0);
        assertThat(factor.type()).isEqualTo(SecondFactorType.PASSKEY);
        assertThat(factor.name()).isEqualTo("Laptop");
        Page list = browser.get("/account/second-factors");
        assertThat(list.document().selectFirst(".factor__type").text()).isEqualTo("Passkey");
    }

    @Test
    void registerWhenNoUserVerificationThenRefusedAndNothingStored() {
        Account erika = SecondFactorSteps.createAccount(accounts, passwordEncoder, AssuranceLevel.HIGH);
        Browser browser = loggedIn(erika);
        Page form = browser.get(REGISTER_PATH);
        String options = options(browser, form, "form#passkey-register");

        Page result = browser.submit(form, "form#passkey-register", Map.of("factorName", "Stick",
                "credential", new PasskeyAuthenticator().register(options, PasskeyAuthenticator.ORIGIN, false)));

        assertThat(result.document().getElementById("credential-error").text()).startsWith("Der Passkey wurde nicht angenommen.");
        assertThat(factors.hasAny(erika.id())).isFalse();
    }

    @Test
    void registerWhenAccountHasFactorAndNoRecentSecondFactorThenAskedToConfirmFirst() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Browser passwordOnly = loggedIn(erika.account());

        Page form = passwordOnly.get(REGISTER_PATH);

        assertThat(form.document().getElementById("confirm-first")).isNotNull();
        assertThat(form.document().selectFirst("form#passkey-register")).isNull();
        assertThat(passwordOnly.postForJson("/account/second-factors/passkey/options",
                Map.of("_csrf", csrf(passwordOnly.get("/"), "form[action=/logout]"))).status()).isEqualTo(403);
    }

    @Test
    void loginPageWhenEnglishThenPasskeyButtonInEnglishAndItsFormHiddenUntilTheScriptShowsIt() {
        Page login = new Browser(port).get("/login?lang=en");

        assertThat(login.document().selectFirst("form#passkey-login button").text()).isEqualTo("Log in with a passkey");
        assertThat(login.document().selectFirst("form#passkey-login").hasAttr("hidden"))
                .as("without WebAuthn in the browser the button would do nothing").isTrue();
        assertThat(login.document().selectFirst("script[src=/js/passkeys.js]")).isNotNull();
        assertThat(new Browser(port).get("/js/passkeys.js").status()).isEqualTo(200);
    }

    @Test
    void logInWhenProvenAccountThenSubstantialWithoutPassword() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);

        Page home = logInWithPasskey(new Browser(port), erika.authenticator());

        assertThat(home.path()).isEqualTo("/");
        assertThat(SecondFactorSteps.trustLevel(home)).isEqualTo("Vertrauensniveau: substanziell");
        assertThat(factors.findAll(erika.account().id()).get(0).lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void logInWhenUnprovenAccountThenBasisregistrierung() {
        Citizen max = withPasskey(AssuranceLevel.BASIC);

        Page home = logInWithPasskey(new Browser(port), max.authenticator());

        assertThat(SecondFactorSteps.trustLevel(home)).isEqualTo("Vertrauensniveau: Basisregistrierung");
    }

    @Test
    void logInWhenWrongOriginThenRefused() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Browser browser = new Browser(port);
        Page login = browser.get("/login");

        Page result = submitLogin(browser, login, erika.authenticator()
                .assertion(options(browser, login, "form#passkey-login"), "http://localhost.evil.example:9000", true));

        assertRefused(result);
    }

    @Test
    void logInWhenUserNotVerifiedThenRefused() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Browser browser = new Browser(port);
        Page login = browser.get("/login");

        Page result = submitLogin(browser, login, erika.authenticator()
                .assertion(options(browser, login, "form#passkey-login"), PasskeyAuthenticator.ORIGIN, false));

        assertRefused(result);
    }

    @Test
    void logInWhenUnknownCredentialThenRefused() {
        Browser browser = new Browser(port);
        Page login = browser.get("/login");

        Page result = submitLogin(browser, login,
                new PasskeyAuthenticator().assertion(options(browser, login, "form#passkey-login")));

        assertRefused(result);
    }

    @Test
    void logInWhenUserHandleOfAnotherAccountThenRefused() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Citizen max = withPasskey(AssuranceLevel.BASIC);
        erika.authenticator().setUserHandle(max.authenticator().userHandle());

        Page result = logInWithPasskey(new Browser(port), erika.authenticator());

        assertRefused(result);
    }

    @Test
    void logInWhenResponseMalformedThenRefusedWithoutError() {
        Browser browser = new Browser(port);

        Page result = submitLogin(browser, browser.get("/login"), "{\"id\":,");

        assertRefused(result);
    }

    @Test
    void logInWhenAssertionReplayedThenRefused() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Browser first = new Browser(port);
        Page login = first.get("/login");
        String assertion = erika.authenticator().assertion(options(first, login, "form#passkey-login"));
        assertThat(submitLogin(first, login, assertion).path()).isEqualTo("/");

        Browser attacker = new Browser(port);
        Page result = submitLogin(attacker, attacker.get("/login"), assertion);

        assertRefused(result);
    }

    @Test
    void logInWhenChallengeIssuedForAnotherCeremonyThenRefused() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Browser browser = loggedIn(erika.account());
        Page stepUp = browser.get(SecondFactorSteps.VERIFY_PATH);
        String stepUpOptions = options(browser, stepUp, "form#passkey-step-up");

        Browser other = new Browser(port);
        Page result = submitLogin(other, other.get("/login"), erika.authenticator().assertion(stepUpOptions));

        assertRefused(result);
    }

    @Test
    void logInWhenSignCountDidNotRiseThenRefusedAndReported(CapturedOutput output) {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        logInWithPasskey(new Browser(port), erika.authenticator());
        // a clone of the authenticator, made before that login, signs with the same counter
        erika.authenticator().setSignCount(0);

        Page result = logInWithPasskey(new Browser(port), erika.authenticator());

        assertRefused(result);
        assertThat(output).contains("passkey-sign-count-regressed account=" + erika.account().id());
    }

    @Test
    void stepUpWhenPasswordLoginThenPasskeyRaisesToSubstantial() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Browser browser = loggedIn(erika.account());
        assertThat(SecondFactorSteps.trustLevel(browser.get("/"))).isEqualTo("Vertrauensniveau: niedrig");
        Page stepUp = browser.get(SecondFactorSteps.VERIFY_PATH);
        JsonNode options = JSON.readTree(options(browser, stepUp, "form#passkey-step-up"));
        assertThat(options.at("/allowCredentials/0/id").asString())
                .isEqualTo(PasskeyCredentials.base64url(erika.authenticator().credentialId()));
        assertThat(options.at("/userVerification").asString()).isEqualTo("preferred");

        Page home = browser.submit(stepUp, "form#passkey-step-up",
                Map.of("credential", erika.authenticator().assertion(options.toString())));

        assertThat(home.path()).isEqualTo("/");
        assertThat(SecondFactorSteps.trustLevel(home)).isEqualTo("Vertrauensniveau: substanziell");
    }

    @Test
    void stepUpWhenAnotherAccountsPasskeyThenRefused() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Citizen mallory = withPasskey(AssuranceLevel.HIGH);
        Browser browser = loggedIn(erika.account());
        Page stepUp = browser.get(SecondFactorSteps.VERIFY_PATH);

        Page result = browser.submit(stepUp, "form#passkey-step-up",
                Map.of("credential", mallory.authenticator().assertion(options(browser, stepUp, "form#passkey-step-up"))));

        assertThat(result.uri().getPath()).isEqualTo(SecondFactorSteps.VERIFY_PATH);
        assertThat(result.document().getElementById("passkey-step-up-refused")).isNotNull();
        assertThat(SecondFactorSteps.trustLevel(browser.get("/"))).isEqualTo("Vertrauensniveau: niedrig");
    }

    @Test
    void removeWhenPasskeyThenItsCredentialNoLongerLogsIn() {
        Citizen erika = withPasskey(AssuranceLevel.HIGH);
        Browser browser = new Browser(port);
        logInWithPasskey(browser, erika.authenticator());
        String factorId = factors.findAll(erika.account().id()).get(0).id();
        Page confirm = browser.get("/account/second-factors/" + factorId + "/remove");
        assertThat(confirm.mainText()).contains("Danach können Sie sich mit diesem Passkey nicht mehr anmelden.");

        browser.submit(confirm, "form#remove", Map.of());

        assertThat(factors.hasAny(erika.account().id())).isFalse();
        assertRefused(logInWithPasskey(new Browser(port), erika.authenticator()));
    }

    private Browser loggedIn(Account account) {
        Browser browser = new Browser(port);
        Page home = Citizens.logIn(browser, account.email(), Citizens.PASSWORD);
        assertThat(home.path()).as("logged in: %s", home.mainText()).isEqualTo("/");
        return browser;
    }

    /** An account whose first second factor is a passkey, registered through the page. */
    private Citizen withPasskey(AssuranceLevel proofing) {
        Account account = SecondFactorSteps.createAccount(accounts, passwordEncoder, proofing);
        Browser browser = loggedIn(account);
        Page form = browser.get(REGISTER_PATH);
        PasskeyAuthenticator authenticator = new PasskeyAuthenticator();
        Page result = browser.submit(form, "form#passkey-register", Map.of("factorName", "Handy",
                "credential", authenticator.register(options(browser, form, "form#passkey-register"))));
        assertThat(result.document().getElementById("enrolled")).as(result.mainText()).isNotNull();
        return new Citizen(account, authenticator);
    }

    private Page logInWithPasskey(Browser browser, PasskeyAuthenticator authenticator) {
        Page login = browser.get("/login");
        return submitLogin(browser, login, authenticator.assertion(options(browser, login, "form#passkey-login")));
    }

    private static Page submitLogin(Browser browser, Page login, String assertion) {
        return browser.submit(login, "form#passkey-login", Map.of("credential", assertion));
    }

    /** What the page's script does first: fetch the options named by the form, with its CSRF token. */
    private static String options(Browser browser, Page page, String formSelector) {
        String url = page.document().selectFirst(formSelector).attr("data-options-url");
        Page options = browser.postForJson(url, Map.of("_csrf", csrf(page, formSelector)));
        assertThat(options.status()).as("options from %s: %s", url, options.body()).isEqualTo(200);
        return options.body();
    }

    private static String csrf(Page page, String formSelector) {
        return page.document().selectFirst(formSelector + " input[name=_csrf]").attr("value");
    }

    private static void assertRefused(Page result) {
        assertThat(result.uri().getPath()).isEqualTo("/login");
        assertThat(result.document().getElementById("login-error").text()).startsWith(LOGIN_FAILED);
    }

    private record Citizen(Account account, PasskeyAuthenticator authenticator) {
    }
}
