package de.buergerkonto.authserver.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import de.buergerkonto.authserver.testing.Browser;
import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.Mailbox;
import de.buergerkonto.authserver.testing.Mailbox.ReceivedMail;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.Page;
import de.buergerkonto.authserver.testing.TestSmtp;

@CitizenPagesTest
class PasswordResetFlowTest {

    private static final String NEW_PASSWORD = "Neues-Passwort-Ahornbaum";
    private static final String INVALID_LINK = "Der Link ist ungültig oder abgelaufen";

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.extension();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private Browser browser;
    private Mailbox mailbox;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
        mailbox = new Mailbox(smtp);
    }

    @Test
    void resetWhenLinkFollowedThenOnlyTheNewPasswordLogsIn() {
        String email = Citizens.newEmail("reset");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);

        Page sent = requestReset(email);
        assertThat(sent.h1()).isEqualTo("Bitte prüfen Sie Ihr Postfach");
        ReceivedMail mail = mailbox.awaitMail(email, 2);
        assertThat(mail.subject()).contains("Passwort zurücksetzen", "Reset your password");
        Page done = setNewPassword(mail.link("/password-reset/new"), NEW_PASSWORD);

        assertThat(done.h1()).isEqualTo("Passwort geändert");
        assertThat(Citizens.logIn(new Browser(port), email, Citizens.PASSWORD).path())
                .isEqualTo("/login?error=credentials");
        assertThat(Citizens.logIn(new Browser(port), email, NEW_PASSWORD).path()).isEqualTo("/");
        assertThat(mailbox.awaitMail(email, 3).subject()).contains("Ihr Passwort wurde geändert");
    }

    @Test
    void resetWhenEmailNeverVerifiedThenResetAlsoVerifiesIt() {
        String email = Citizens.newEmail("reset-unverified");
        Citizens.register(browser, email, Citizens.PASSWORD);
        mailbox.awaitFirstMail(email);

        requestReset(email);
        setNewPassword(mailbox.awaitMail(email, 2).link("/password-reset/new"), NEW_PASSWORD);

        assertThat(Citizens.logIn(browser, email, NEW_PASSWORD).path()).isEqualTo("/");
    }

    @Test
    void requestWhenEmailUnknownThenSamePageAndNoMail() {
        String known = Citizens.newEmail("reset-known");
        Citizens.registerVerified(browser, mailbox, known, Citizens.PASSWORD);
        String unknown = Citizens.newEmail("reset-unknown");

        Page forKnown = requestReset(known);
        Page forUnknown = requestReset(unknown);

        assertThat(forUnknown.path()).isEqualTo(forKnown.path());
        assertThat(forUnknown.mainText()).isEqualTo(forKnown.mainText());
        mailbox.awaitMail(known, 2);
        assertThat(mailbox.mailsTo(unknown)).isEmpty();
    }

    @Test
    void resetWhenLinkUsedTwiceThenInvalidLinkPage() {
        String email = Citizens.newEmail("reset-twice");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);
        requestReset(email);
        String link = mailbox.awaitMail(email, 2).link("/password-reset/new");
        Page form = browser.get(link);
        browser.submit(form, "form[action=/password-reset/new]",
                Map.of("password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD));

        Page reopened = browser.get(link);
        Page reposted = browser.submit(form, "form[action=/password-reset/new]",
                Map.of("password", "Noch-ein-Passwort-99", "passwordConfirmation", "Noch-ein-Passwort-99"));

        assertThat(reopened.h1()).isEqualTo(INVALID_LINK);
        assertThat(reposted.h1()).isEqualTo(INVALID_LINK);
        assertThat(reposted.document().select("a[href=/password-reset]")).isNotEmpty();
        assertThat(Citizens.logIn(browser, email, NEW_PASSWORD).path()).isEqualTo("/");
    }

    @Test
    void resetWhenLinkOlderThan30MinutesThenInvalidLinkPage() {
        String email = Citizens.newEmail("reset-late");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);
        requestReset(email);
        String link = mailbox.awaitMail(email, 2).link("/password-reset/new");
        Page form = browser.get(link);

        clock.advance(Duration.ofMinutes(30));

        assertThat(browser.get(link).h1()).isEqualTo(INVALID_LINK);
        assertThat(browser.submit(form, "form[action=/password-reset/new]",
                Map.of("password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD)).h1()).isEqualTo(INVALID_LINK);
        assertThat(Citizens.logIn(browser, email, Citizens.PASSWORD).path()).isEqualTo("/");
    }

    @Test
    void resetWhenNewPasswordIsWeakThenErrorSummaryAndTheLinkStillWorks() {
        String email = Citizens.newEmail("reset-weak");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);
        requestReset(email);
        String link = mailbox.awaitMail(email, 2).link("/password-reset/new");

        Page refused = setNewPassword(link, "qwertyuiop");

        assertThat(refused.h1()).isEqualTo("Neues Passwort wählen");
        assertThat(refused.document().select(".error-summary a[href=#password]").text())
                .contains("Dieses Passwort wird sehr häufig benutzt");
        Page done = browser.submit(refused, "form[action=/password-reset/new]",
                Map.of("password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD));
        assertThat(done.h1()).isEqualTo("Passwort geändert");
    }

    private Page requestReset(String email) {
        Page form = browser.get("/password-reset");
        return browser.submit(form, "form[action=/password-reset]", Map.of("email", email));
    }

    private Page setNewPassword(String link, String password) {
        Page form = browser.get(link);
        return browser.submit(form, "form[action=/password-reset/new]",
                Map.of("password", password, "passwordConfirmation", password));
    }
}
