package de.buergerkonto.authserver.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.testing.Browser;
import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.Mailbox;
import de.buergerkonto.authserver.testing.Mailbox.ReceivedMail;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.Page;
import de.buergerkonto.authserver.testing.TestSmtp;

@CitizenPagesTest
class RegistrationFlowTest {

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.extension();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountRepository accounts;

    private Browser browser;
    private Mailbox mailbox;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
        mailbox = new Mailbox(smtp);
    }

    @Test
    void registerWhenNewEmailThenMailedLinkVerifiesAndLoginWorks() {
        String email = Citizens.newEmail("new");

        Page checkMailbox = Citizens.register(browser, email, Citizens.PASSWORD);
        assertThat(checkMailbox.path()).isEqualTo("/register/check-mailbox");
        assertThat(checkMailbox.h1()).isEqualTo("Bitte prüfen Sie Ihr Postfach");

        Account created = accounts.findByEmail(email).orElseThrow();
        assertThat(created.passwordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(created.emailVerified()).isFalse();
        ReceivedMail mail = mailbox.awaitFirstMail(email);
        assertThat(mail.subject()).contains("Bitte bestätigen Sie Ihre E-Mail-Adresse", "Please confirm");
        String link = mail.link("/verify-email");
        assertThat(link).startsWith("http://localhost:9000/verify-email?token=");
        assertThat(link.substring(link.indexOf("token=") + 6)).matches("[A-Za-z0-9_-]{43}");

        Page confirm = browser.get(link);
        assertThat(confirm.h1()).isEqualTo("E-Mail-Adresse bestätigen");
        Page verified = browser.submit(confirm, "form[action=/verify-email]", Map.of());
        assertThat(verified.h1()).isEqualTo("E-Mail-Adresse bestätigt");

        Page home = Citizens.logIn(browser, email, Citizens.PASSWORD);
        assertThat(home.path()).isEqualTo("/");
        assertThat(home.mainText()).contains("Angemeldet als " + email, "Vertrauensniveau: Basisregistrierung");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "too short, Kurz-123, 'Das Passwort muss mindestens 10 Zeichen lang sein.'",
            "common, Password123, 'Dieses Passwort wird sehr häufig benutzt'",
            "contains email, weakling-Sonnenschein, 'Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.'"})
    void registerWhenPasswordWeakThenErrorSummaryLinksToThePasswordField(String reason, String password,
            String message) {
        Page page = Citizens.register(browser, "weakling@example.org", password);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.path()).isEqualTo("/register");
        Element summary = page.document().selectFirst(".error-summary[role=alert]");
        assertThat(summary).isNotNull();
        assertThat(summary.selectFirst("h2").text()).isEqualTo("Bitte korrigieren Sie Folgendes");
        Element item = summary.selectFirst("a[href=#password]");
        assertThat(item).isNotNull();
        assertThat(item.text()).contains(message);
        Element input = page.document().getElementById("password");
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.attr("aria-describedby").split(" ")).contains("password-error");
        assertThat(page.document().getElementById("password-error").text()).contains(message);
        assertThat(page.document().getElementById("email").val())
                .as("the email stays filled in, the password does not").isEqualTo("weakling@example.org");
        assertThat(input.val()).isEmpty();
        assertThat(mailbox.mailsTo("weakling@example.org")).isEmpty();
    }

    @Test
    void registerWhenEmailAlreadyRegisteredThenSamePageAndOwnerIsWarnedByMail() {
        String email = Citizens.newEmail("taken");
        Page first = Citizens.register(browser, email, Citizens.PASSWORD);
        mailbox.awaitFirstMail(email);

        Page second = Citizens.register(new Browser(port), email.toUpperCase(), "Ganz-anderes-Passwort-7");

        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(second.mainText()).isEqualTo(first.mainText());
        ReceivedMail warning = mailbox.awaitMail(email, 2);
        assertThat(warning.subject()).contains("Registrierung mit Ihrer E-Mail-Adresse");
        assertThat(warning.text()).contains("schon ein Bürgerkonto", "already is a Bürgerkonto");
        assertThat(warning.link("/password-reset")).isEqualTo("http://localhost:9000/password-reset");
        // the first registration's password still works once verified: the account was not touched
        browser.submit(browser.get(mailbox.mailsTo(email).get(0).link("/verify-email")),
                "form[action=/verify-email]", Map.of());
        assertThat(Citizens.logIn(browser, email, Citizens.PASSWORD).path()).isEqualTo("/");
    }

    @Test
    void verifyWhenLinkUsedTwiceThenInvalidLinkPageOfferingANewOne() {
        String email = Citizens.newEmail("reuse");
        Citizens.register(browser, email, Citizens.PASSWORD);
        String link = mailbox.awaitFirstMail(email).link("/verify-email");
        Page confirm = browser.get(link);
        browser.submit(confirm, "form[action=/verify-email]", Map.of());

        Page again = browser.get(link);
        Page againPosted = browser.submit(confirm, "form[action=/verify-email]", Map.of());

        for (Page page : new Page[] {again, againPosted}) {
            assertThat(page.h1()).isEqualTo("Der Link ist ungültig oder abgelaufen");
            assertThat(page.document().select("a[href=/verify-email/resend]")).isNotEmpty();
        }
    }

    @Test
    void verifyWhenLinkOlderThan24HoursThenInvalidAndANewLinkCanBeRequested() {
        String email = Citizens.newEmail("late");
        Citizens.register(browser, email, Citizens.PASSWORD);
        String link = mailbox.awaitFirstMail(email).link("/verify-email");

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        Page expired = browser.get(link);
        assertThat(expired.h1()).isEqualTo("Der Link ist ungültig oder abgelaufen");
        Page resend = browser.get(expired.document().selectFirst("a[href=/verify-email/resend]").attr("href"));
        Page sent = browser.submit(resend, "form[action=/verify-email/resend]", Map.of("email", email));
        assertThat(sent.h1()).isEqualTo("Bitte prüfen Sie Ihr Postfach");
        Page confirm = browser.get(mailbox.awaitMail(email, 2).link("/verify-email"));
        assertThat(browser.submit(confirm, "form[action=/verify-email]", Map.of()).h1())
                .isEqualTo("E-Mail-Adresse bestätigt");
    }

    @Test
    void verifyWhenTokenUnknownOrMalformedThenInvalidLinkPage() {
        assertThat(browser.get("/verify-email?token=" + "A".repeat(43)).h1())
                .isEqualTo("Der Link ist ungültig oder abgelaufen");
        assertThat(browser.get("/verify-email?token=%3Cscript%3E").h1())
                .isEqualTo("Der Link ist ungültig oder abgelaufen");
        assertThat(browser.get("/verify-email").h1()).isEqualTo("Der Link ist ungültig oder abgelaufen");
    }
}
