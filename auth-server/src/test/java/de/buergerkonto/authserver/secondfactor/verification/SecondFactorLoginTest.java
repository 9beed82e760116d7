package de.buergerkonto.authserver.secondfactor.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.recovery.RecoveryCodes;
import de.buergerkonto.authserver.secondfactor.totp.Totp;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.authserver.testing.Browser;
import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.Page;
import de.buergerkonto.authserver.testing.SecondFactorSteps;
import de.buergerkonto.authserver.testing.SecondFactorSteps.Enrolment;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The second-factor step after the password, its effect on the session's trust level, and the
 * rules around it (one use per code, the window, recovery codes, the throttle, removing the last
 * factor), over HTTP with the real Redis and a clock the tests move.
 */
@CitizenPagesTest
class SecondFactorLoginTest {

    private static final String WRONG_CODE = "Der Code stimmt nicht oder wurde schon benutzt. "
            + "Warten Sie auf den nächsten Code Ihrer App und geben Sie ihn ein.";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SecondFactorRepository factors;

    @Autowired
    RecoveryCodes recoveryCodes;

    @Test
    void confirmWhenEidProvenAccountThenSubstantialAndTheOfferIsGone() {
        Citizen erika = enrolled(AssuranceLevel.HIGH);
        Page home = erika.browser().get("/");
        assertThat(SecondFactorSteps.trustLevel(home)).isEqualTo("Vertrauensniveau: niedrig");
        assertThat(home.document().getElementById("confirm-second-factor").text()).contains("Zweiten Faktor bestätigen");
        clock.advance(Totp.STEP);

        Page after = erika.browser().submit(erika.browser().get(home.document()
                .selectFirst("#confirm-second-factor a").attr("href")), "form[action=/login/second-factor]",
                Map.of("code", erika.app().codeAt(clock.instant())));

        assertThat(after.path()).isEqualTo("/");
        assertThat(SecondFactorSteps.trustLevel(after)).isEqualTo("Vertrauensniveau: substanziell");
        assertThat(after.document().getElementById("confirm-second-factor")).isNull();
        assertThat(factors.findAll(erika.account().id()).get(0).lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void confirmWhenUnprovenAccountThenStaysBasisregistrierung() {
        Citizen max = enrolled(AssuranceLevel.BASIC);
        clock.advance(Totp.STEP);

        Page after = SecondFactorSteps.confirm(max.browser(), max.app().codeAt(clock.instant()));

        assertThat(after.path()).isEqualTo("/");
        assertThat(SecondFactorSteps.trustLevel(after)).isEqualTo("Vertrauensniveau: Basisregistrierung");
    }

    @Test
    void confirmWhenSameCodeTwiceThenSecondRefusedEvenWithinTheWindow() {
        Citizen citizen = enrolled(AssuranceLevel.HIGH);
        clock.advance(Totp.STEP);
        String code = citizen.app().codeAt(clock.instant());
        assertThat(SecondFactorSteps.confirm(citizen.browser(), code).path()).isEqualTo("/");

        Browser second = loggedIn(citizen.account());
        Page refused = SecondFactorSteps.confirm(second, code);

        assertThat(refused.path()).isEqualTo(SecondFactorSteps.VERIFY_PATH);
        assertThat(refused.document().getElementById("code-error-link").text()).isEqualTo(WRONG_CODE);
        assertThat(refused.document().getElementById("code").attr("aria-invalid")).isEqualTo("true");
        assertThat(SecondFactorSteps.trustLevel(second.get("/"))).isEqualTo("Vertrauensniveau: niedrig");
    }

    @Test
    void confirmWhenCodeOfTheEnrolmentThenRefused() {
        Citizen citizen = enrolled(AssuranceLevel.HIGH);

        Page refused = SecondFactorSteps.confirm(citizen.browser(), citizen.app().codeAt(clock.instant()));

        assertThat(refused.path()).isEqualTo(SecondFactorSteps.VERIFY_PATH);
    }

    @Test
    void confirmWhenOneStepOffEitherWayThenAcceptedAndTwoStepsOffRefused() {
        Citizen citizen = enrolled(AssuranceLevel.HIGH);
        // to the first instant of a later step, then in whole steps of 30 seconds
        long start = Totp.step(clock.instant()) + 3;
        clock.set(Instant.ofEpochSecond(start * Totp.STEP.toSeconds()));
        AuthenticatorApp app = citizen.app();

        assertThat(SecondFactorSteps.confirm(citizen.browser(), app.codeForStep(start - 2)).path())
                .as("two steps old").isEqualTo(SecondFactorSteps.VERIFY_PATH);
        assertThat(SecondFactorSteps.confirm(citizen.browser(), app.codeForStep(start + 2)).path())
                .as("two steps ahead").isEqualTo(SecondFactorSteps.VERIFY_PATH);
        assertThat(SecondFactorSteps.confirm(citizen.browser(), app.codeForStep(start - 1)).path())
                .as("one step old").isEqualTo("/");
        clock.advance(Totp.STEP);
        assertThat(SecondFactorSteps.confirm(loggedIn(citizen.account()), app.codeForStep(start + 2)).path())
                .as("one step ahead").isEqualTo("/");
    }

    @Test
    void confirmWhenRecoveryCodeThenWorksOnceOnly() {
        Citizen citizen = enrolled(AssuranceLevel.HIGH);
        String code = citizen.recoveryCodes().get(4);

        Page after = SecondFactorSteps.confirm(citizen.browser(), code.toLowerCase());

        assertThat(SecondFactorSteps.trustLevel(after)).isEqualTo("Vertrauensniveau: substanziell");
        assertThat(recoveryCodes.remaining(citizen.account().id())).isEqualTo(9);
        Browser second = loggedIn(citizen.account());
        assertThat(SecondFactorSteps.confirm(second, code).document().getElementById("code-error-link").text())
                .isEqualTo(WRONG_CODE);
        assertThat(citizen.browser().get("/account/second-factors").document()
                .getElementById("recovery-codes-left").text()).isEqualTo("Unbenutzte Wiederherstellungscodes: 9 von 10.");
    }

    @Test
    void confirmWhenFiveWrongCodesThenThrottledAlsoAfterANewPasswordLoginUntilTheWindowEnds() {
        Citizen citizen = enrolled(AssuranceLevel.HIGH);
        clock.set(Instant.ofEpochSecond(Math.floorDiv(clock.instant().getEpochSecond(), 900) * 900 + 900));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(SecondFactorSteps.confirm(citizen.browser(), "000000").path()).isEqualTo(SecondFactorSteps.VERIFY_PATH);
        }

        Page throttled = SecondFactorSteps.confirm(loggedIn(citizen.account()), citizen.app().codeAt(clock.instant()));

        assertThat(throttled.path()).isEqualTo(SecondFactorSteps.VERIFY_PATH);
        assertThat(throttled.document().getElementById("code-error-link").text())
                .isEqualTo("Zu viele Fehlversuche, bitte in 15 Minuten erneut versuchen.");
        clock.advance(Duration.ofMinutes(15));
        assertThat(SecondFactorSteps.confirm(citizen.browser(), citizen.app().codeAt(clock.instant())).path())
                .isEqualTo("/");
    }

    @Test
    void removeLastFactorWhenSecondFactorOlderThan30MinutesThenRefusedAndAfterConfirmingAllowed() {
        Citizen citizen = enrolled(AssuranceLevel.HIGH);
        clock.advance(Totp.STEP);
        SecondFactorSteps.confirm(citizen.browser(), citizen.app().codeAt(clock.instant()));
        String removePath = citizen.browser().get("/account/second-factors").document()
                .selectFirst("a.remove").attr("href");

        clock.advance(Duration.ofMinutes(30));
        assertThat(citizen.browser().get(removePath).document().getElementById("remove"))
                .as("a second factor exactly 30 minutes ago still counts").isNotNull();
        clock.advance(Duration.ofSeconds(1));
        Page ask = citizen.browser().get(removePath);
        assertThat(ask.document().getElementById("remove")).isNull();
        assertThat(ask.document().getElementById("last-factor").text()).startsWith("Das ist Ihr letzter zweiter Faktor.");
        assertThat(ask.document().getElementById("confirm-first").text())
                .contains("bestätigen Sie zuerst mit einem Code", "in den letzten 30 Minuten");
        Page forged = citizen.browser().post(removePath, Map.of("_csrf", csrfToken(citizen.browser())));
        assertThat(forged.path()).isEqualTo(removePath);
        assertThat(factors.hasAny(citizen.account().id())).isTrue();

        Page back = SecondFactorSteps.confirm(citizen.browser(), citizen.app().codeAt(clock.instant()));
        assertThat(back.path()).startsWith(removePath);
        Page removed = citizen.browser().submit(back, "form#remove", Map.of());

        assertThat(removed.path()).isEqualTo("/account/second-factors?done=removed");
        assertThat(removed.document().getElementById("no-factors")).isNotNull();
        assertThat(factors.hasAny(citizen.account().id())).isFalse();
        assertThat(recoveryCodes.remaining(citizen.account().id())).as("codes go with the last factor").isZero();
        assertThat(citizen.browser().get("/").document().getElementById("confirm-second-factor")).isNull();
    }

    @Test
    void removeWhenNotTheLastFactorThenAllowedWithThePasswordAlone() {
        Citizen citizen = enrolled(AssuranceLevel.HIGH);
        clock.advance(Totp.STEP);
        SecondFactorSteps.confirm(citizen.browser(), citizen.app().codeAt(clock.instant()));
        SecondFactorSteps.enrolTotp(citizen.browser(), clock.instant());
        Browser passwordOnly = loggedIn(citizen.account());

        Page list = passwordOnly.get("/account/second-factors");
        Page first = passwordOnly.get(list.document().select("a.remove").get(0).attr("href"));
        Page removed = passwordOnly.submit(first, "form#remove", Map.of());
        Page last = passwordOnly.get(removed.document().selectFirst("a.remove").attr("href"));

        assertThat(removed.document().select("#factors .factor")).hasSize(1);
        assertThat(last.document().getElementById("remove")).isNull();
        assertThat(last.document().getElementById("confirm-first")).isNotNull();
    }

    @Test
    void confirmWhenNoFactorThenPageSaysHowToSetOneUp() {
        Account account = SecondFactorSteps.createAccount(accounts, passwordEncoder, AssuranceLevel.BASIC);
        Browser browser = loggedIn(account);

        Page page = browser.get(SecondFactorSteps.VERIFY_PATH);

        assertThat(page.document().getElementById("no-factor").text())
                .isEqualTo("Sie haben noch keinen zweiten Faktor eingerichtet.");
        assertThat(page.document().select("a[href=/account/second-factors/totp/new]")).hasSize(1);
        assertThat(browser.get("/").document().getElementById("confirm-second-factor")).isNull();
    }

    private Citizen enrolled(AssuranceLevel identityProofing) {
        Account account = SecondFactorSteps.createAccount(accounts, passwordEncoder, identityProofing);
        Browser browser = loggedIn(account);
        Enrolment enrolment = SecondFactorSteps.enrolTotp(browser, clock.instant());
        assertThat(enrolment.recoveryCodes()).hasSize(10);
        return new Citizen(account, browser, enrolment.app(), enrolment.recoveryCodes());
    }

    private Browser loggedIn(Account account) {
        Browser browser = new Browser(port);
        assertThat(Citizens.logIn(browser, account.email(), Citizens.PASSWORD).path()).isEqualTo("/");
        return browser;
    }

    private static String csrfToken(Browser browser) {
        return browser.get("/").document().selectFirst("form[action=/logout] input[name=_csrf]").val();
    }

    private record Citizen(Account account, Browser browser, AuthenticatorApp app, java.util.List<String> recoveryCodes) {
    }
}
