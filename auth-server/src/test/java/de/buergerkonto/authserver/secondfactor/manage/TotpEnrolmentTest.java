package de.buergerkonto.authserver.secondfactor.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
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

/** Enrolment of an authenticator app and the management pages, over HTTP with the real Redis. */
@CitizenPagesTest
class TotpEnrolmentTest {

    private static final String LIST = "/account/second-factors";

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

    private Browser browser;
    private Account account;

    @BeforeEach
    void logIn() {
        browser = new Browser(port);
        account = SecondFactorSteps.createAccount(accounts, passwordEncoder, AssuranceLevel.BASIC);
        assertThat(Citizens.logIn(browser, account.email(), Citizens.PASSWORD).path()).isEqualTo("/");
    }

    @Test
    void enrolmentPageWhenOpenedThenQrCodeAndManualKeyInBlocksOfFourForTheSameSecret() {
        Page page = browser.get(SecondFactorSteps.ENROL_PATH);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Authenticator-App einrichten");
        String key = page.document().getElementById("manual-key").text();
        assertThat(key).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        Element svg = page.document().selectFirst("figure.qr svg");
        assertThat(svg).isNotNull();
        assertThat(svg.attr("aria-hidden")).isEqualTo("true");
        assertThat(svg.selectFirst("path").attr("d")).startsWith("M");
        assertThat(page.document().selectFirst("figure.qr figcaption").text()).contains(account.email());
        String uri = page.document().getElementById("otpauth-link").attr("href");
        assertThat(uri).startsWith("otpauth://totp/B%C3%BCrgerkonto:" + account.email().replace("@", "%40") + "?")
                .contains("secret=" + key.replace(" ", ""), "issuer=B%C3%BCrgerkonto", "algorithm=SHA1",
                        "digits=6", "period=30");
        assertThat(page.document().select("img")).as("works without images").isEmpty();
        for (Element input : page.document().select("input:not([type=hidden])")) {
            assertThat(page.document().select("label[for=" + input.id() + "]")).as("label of %s", input.id()).hasSize(1);
        }
        assertThat(page.document().getElementById("factorName").val()).isEqualTo("Authenticator-App");
        assertThat(browser.get(SecondFactorSteps.ENROL_PATH).document().getElementById("manual-key").text())
                .as("a reload keeps the scanned secret").isEqualTo(key);
        assertThat(factors.hasAny(account.id())).as("nothing stored before the first code").isFalse();
    }

    @Test
    void enrolWhenWrongFirstCodeThenRefusedAndNothingStored() {
        Page form = browser.get(SecondFactorSteps.ENROL_PATH);
        AuthenticatorApp app = AuthenticatorApp.fromManualKey(form.document().getElementById("manual-key").text());
        // the code of five steps ahead: a real code of this secret, but outside the window
        String wrong = app.codeForStep(Totp.step(clock.instant()) + 5);

        Page refused = browser.submit(form, "form#enrol", Map.of("code", wrong));

        assertThat(refused.path()).isEqualTo(SecondFactorSteps.ENROL_PATH);
        assertThat(refused.document().select(".error-summary a").text()).startsWith("Der Code stimmt nicht.");
        assertThat(refused.document().getElementById("code").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.document().getElementById("manual-key").text())
                .isEqualTo(form.document().getElementById("manual-key").text());
        assertThat(factors.hasAny(account.id())).isFalse();
    }

    @Test
    void enrolWhenRightCodeThenFactorStoredAndRecoveryCodesShownOnceOnly() {
        Enrolment enrolment = SecondFactorSteps.enrolTotp(browser, clock.instant());

        assertThat(enrolment.page().h1()).isEqualTo("Ihre Wiederherstellungscodes");
        assertThat(enrolment.page().document().getElementById("enrolled").text())
                .isEqualTo("Ihre Authenticator-App ist eingerichtet.");
        assertThat(enrolment.recoveryCodes()).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertThat(enrolment.page().mainText()).contains("Wir zeigen sie nur dieses eine Mal.");

        Page list = browser.get(LIST);
        assertThat(list.document().select("#factors .factor__name").eachText()).containsExactly("Authenticator-App");
        assertThat(list.document().selectFirst(".factor__type").text()).isEqualTo("Authenticator-App (TOTP)");
        assertThat(list.document().selectFirst(".factor__last-used").text()).isEqualTo("noch nicht");
        assertThat(list.document().selectFirst(".factor__created time").attr("datetime")).isNotBlank();
        assertThat(list.document().getElementById("recovery-codes-left").text()).contains("10 von 10");
        for (String path : new String[] {LIST, "/", "/account/second-factors/recovery-codes/new", SecondFactorSteps.ENROL_PATH}) {
            assertThat(browser.get(path).body()).as(path).doesNotContain(enrolment.recoveryCodes().get(0));
        }
    }

    @Test
    void enrolWhenSecondAppAndNoRecentSecondFactorThenAskedToConfirmFirstAndBroughtBack() {
        Enrolment first = SecondFactorSteps.enrolTotp(browser, clock.instant());

        Page page = browser.get(SecondFactorSteps.ENROL_PATH);

        assertThat(page.document().getElementById("confirm-first").text()).contains("bestätigen Sie zuerst mit einem Code");
        assertThat(page.document().getElementById("manual-key")).isNull();
        clock.advance(Duration.ofSeconds(30));
        Page back = SecondFactorSteps.confirm(browser, first.app().codeAt(clock.instant()));
        assertThat(back.path()).startsWith(SecondFactorSteps.ENROL_PATH);
        Enrolment second = SecondFactorSteps.enrolTotp(browser, clock.instant());
        assertThat(second.page().path()).startsWith(LIST);
        assertThat(second.page().document().getElementById("done").text()).isEqualTo("Die Authenticator-App ist eingerichtet.");
        assertThat(second.recoveryCodes()).as("codes come with the first factor only").isEmpty();
        assertThat(factors.findAll(account.id())).hasSize(2);
    }

    @Test
    void renameWhenValidNameThenListedAndWhenEmptyOrTooLongThenErrorSummary() {
        SecondFactorSteps.enrolTotp(browser, clock.instant());
        Page list = browser.get(LIST);
        Page form = browser.get(list.document().selectFirst("a.rename").attr("href"));
        assertThat(form.document().getElementById("factorName").val()).isEqualTo("Authenticator-App");

        Page empty = browser.submit(form, "form#rename", Map.of("factorName", "   "));
        assertThat(empty.document().select(".error-summary a").text()).startsWith("Geben Sie einen Namen ein");
        assertThat(empty.document().getElementById("factorName").attr("aria-invalid")).isEqualTo("true");
        Page tooLong = browser.submit(form, "form#rename", Map.of("factorName", "x".repeat(41)));
        assertThat(tooLong.document().select(".error-summary a").text())
                .isEqualTo("Der Name darf höchstens 40 Zeichen lang sein.");

        Page renamed = browser.submit(form, "form#rename", Map.of("factorName", "  Handy   von Erika "));
        assertThat(renamed.path()).isEqualTo(LIST + "?done=renamed");
        assertThat(renamed.document().getElementById("done").text()).isEqualTo("Der Name ist gespeichert.");
        assertThat(renamed.document().select("#factors .factor__name").eachText()).containsExactly("Handy von Erika");
        assertThat(renamed.document().selectFirst("a.rename .visually-hidden").text()).isEqualTo(": Handy von Erika");
    }

    @Test
    void regenerateWhenSecondFactorConfirmedThenNewCodesAndOldOnesGone() {
        Enrolment enrolment = SecondFactorSteps.enrolTotp(browser, clock.instant());
        Page ask = browser.get("/account/second-factors/recovery-codes/new");
        assertThat(ask.document().getElementById("confirm-first")).isNotNull();
        assertThat(ask.document().getElementById("regenerate")).isNull();
        clock.advance(Duration.ofSeconds(30));

        Page confirmPage = SecondFactorSteps.confirm(browser, enrolment.app().codeAt(clock.instant()));
        assertThat(confirmPage.path()).startsWith("/account/second-factors/recovery-codes/new");
        Page fresh = browser.submit(confirmPage, "form#regenerate", Map.of());

        List<String> codes = fresh.document().select("#recovery-codes code").eachText();
        assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(enrolment.recoveryCodes());
        assertThat(fresh.mainText()).contains("Ihre bisherigen Wiederherstellungscodes gelten nicht mehr.");
        Browser other = new Browser(port);
        Citizens.logIn(other, account.email(), Citizens.PASSWORD);
        assertThat(SecondFactorSteps.confirm(other, enrolment.recoveryCodes().get(0)).path())
                .isEqualTo(SecondFactorSteps.VERIFY_PATH);
        assertThat(SecondFactorSteps.confirm(other, codes.get(0)).path()).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {LIST, SecondFactorSteps.ENROL_PATH, "/account/second-factors/recovery-codes/new",
            SecondFactorSteps.VERIFY_PATH})
    void pageWhenNotLoggedInThenLoginPage(String path) {
        Page page = new Browser(port).get(path);

        assertThat(page.path()).isEqualTo("/login");
    }

    @Test
    void postWhenNoCsrfTokenThenRefusedAndNothingChanged() {
        Page form = browser.get(SecondFactorSteps.ENROL_PATH);
        AuthenticatorApp app = AuthenticatorApp.fromManualKey(form.document().getElementById("manual-key").text());

        Page refused = browser.post(SecondFactorSteps.ENROL_PATH,
                Map.of("factorName", "Angreifer", "code", app.codeAt(clock.instant())));

        assertThat(refused.h1()).isEqualTo("Ihre Sitzung ist abgelaufen");
        assertThat(factors.hasAny(account.id())).isFalse();
    }

    @Test
    void pagesWhenEnglishThenEnglishWithTheSharedLayout() {
        SecondFactorSteps.enrolTotp(browser, clock.instant());

        Page enrol = browser.get(SecondFactorSteps.ENROL_PATH + "?lang=en");
        Page list = browser.get(LIST);
        Page verify = browser.get(SecondFactorSteps.VERIFY_PATH);

        assertThat(enrol.document().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(enrol.h1()).isEqualTo("Set up an authenticator app");
        assertThat(list.h1()).isEqualTo("Second factor");
        assertThat(list.document().selectFirst(".factor__type").text()).isEqualTo("Authenticator app (TOTP)");
        assertThat(list.document().getElementById("last-factor-rule").text())
                .startsWith("You can only remove your last second factor if you have confirmed");
        assertThat(verify.h1()).isEqualTo("Confirm with your second factor");
        assertThat(verify.document().select("label[for=code]").text()).isEqualTo("Code");
        for (Page page : new Page[] {enrol, list, verify}) {
            assertThat(page.document().select("h1")).hasSize(1);
            assertThat(page.document().select("header nav a[hreflang=de]").text()).isEqualTo("Deutsch");
        }
    }
}
