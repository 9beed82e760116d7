package de.buergerkonto.authserver.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.testing.Browser;
import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.Mailbox;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.Page;
import de.buergerkonto.authserver.testing.TestSmtp;

@CitizenPagesTest
class LoginFlowTest {

    private static final String WRONG_CREDENTIALS = "E-Mail-Adresse oder Passwort ist falsch.";

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
    void loginWhenNoSavedRequestThenAccountPageShowsEmailAndTrustLevelAndLogoutReturnsToLogin() {
        String email = Citizens.newEmail("home");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);

        Page home = Citizens.logIn(browser, email, Citizens.PASSWORD);

        assertThat(home.path()).isEqualTo("/");
        assertThat(home.document().getElementById("logged-in-as").text()).isEqualTo("Angemeldet als " + email);
        assertThat(home.document().getElementById("trust-level").text())
                .isEqualTo("Vertrauensniveau: Basisregistrierung");
        Page loggedOut = browser.submit(home, "form[action=/logout]", Map.of());
        assertThat(loggedOut.path()).isEqualTo("/login?logout");
        assertThat(loggedOut.document().select("[role=status]").text()).isEqualTo("Sie haben sich abgemeldet.");
        assertThat(browser.get("/").path()).as("the session is gone").isEqualTo("/login");
    }

    @Test
    void loginWhenWrongPasswordOrUnknownEmailThenTheSameMessage() {
        String email = Citizens.newEmail("known");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);

        Page wrongPassword = Citizens.logIn(new Browser(port), email, "Falsches-Passwort-1");
        Page unknownEmail = Citizens.logIn(new Browser(port), Citizens.newEmail("unknown"), "Falsches-Passwort-1");

        assertThat(wrongPassword.path()).isEqualTo("/login?error=credentials");
        assertThat(unknownEmail.path()).isEqualTo(wrongPassword.path());
        assertThat(wrongPassword.document().select(".error-summary a[href=#email]").text())
                .isEqualTo(WRONG_CREDENTIALS);
        assertThat(unknownEmail.document().select(".error-summary").text())
                .isEqualTo(wrongPassword.document().select(".error-summary").text());
        assertThat(wrongPassword.document().getElementById("password").attr("aria-describedby"))
                .isEqualTo("login-error");
    }

    @Test
    void loginWhenTooManyFailuresThenRefusedEvenWithRightPasswordUntilTheWindowEnds() {
        String email = Citizens.newEmail("throttled");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);
        clock.set(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));

        for (int failure = 1; failure <= 5; failure++) {
            assertThat(Citizens.logIn(browser, email, "Falsches-Passwort-" + failure).path())
                    .isEqualTo("/login?error=credentials");
        }
        Page throttled = Citizens.logIn(browser, email, Citizens.PASSWORD);

        assertThat(throttled.path()).isEqualTo("/login?error=throttled&minutes=15");
        assertThat(throttled.document().select(".error-summary li").text())
                .isEqualTo("Zu viele Fehlversuche, bitte in 15 Minuten erneut versuchen.");
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(Citizens.logIn(browser, email, Citizens.PASSWORD).path())
                .isEqualTo("/login?error=throttled&minutes=1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(Citizens.logIn(browser, email, Citizens.PASSWORD).path()).isEqualTo("/");
    }

    @Test
    void loginWhenUnknownEmailFailsRepeatedlyThenThrottledLikeAKnownOne() {
        String unknown = Citizens.newEmail("nobody");
        clock.set(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        for (int failure = 1; failure <= 5; failure++) {
            Citizens.logIn(browser, unknown, "Falsches-Passwort-" + failure);
        }

        assertThat(Citizens.logIn(browser, unknown, "Falsches-Passwort-6").path())
                .isEqualTo("/login?error=throttled&minutes=15");
    }

    @Test
    void loginWhenSuccessfulThenEarlierFailuresOfTheAccountAreForgotten() {
        String email = Citizens.newEmail("reset-count");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);
        clock.set(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        for (int failure = 1; failure <= 4; failure++) {
            Citizens.logIn(browser, email, "Falsches-Passwort-" + failure);
        }
        assertThat(Citizens.logIn(browser, email, Citizens.PASSWORD).path()).isEqualTo("/");

        for (int failure = 1; failure <= 4; failure++) {
            Citizens.logIn(new Browser(port), email, "Falsches-Passwort-" + failure);
        }
        assertThat(Citizens.logIn(new Browser(port), email, Citizens.PASSWORD).path()).isEqualTo("/");
    }

    @Test
    void loginWhenEmailNotVerifiedThenToldOnlyAfterTheRightPassword() {
        String email = Citizens.newEmail("unverified");
        Citizens.register(browser, email, Citizens.PASSWORD);

        Page wrongPassword = Citizens.logIn(new Browser(port), email, "Falsches-Passwort-1");
        Page rightPassword = Citizens.logIn(browser, email, Citizens.PASSWORD);

        assertThat(wrongPassword.path()).isEqualTo("/login?error=credentials");
        assertThat(rightPassword.path()).isEqualTo("/login?error=unverified");
        assertThat(rightPassword.document().select(".error-summary").text())
                .contains("Ihre E-Mail-Adresse ist noch nicht bestätigt.");
        Page resend = browser.get(rightPassword.document().selectFirst(".error-summary a[href=/verify-email/resend]")
                .attr("href"));
        assertThat(resend.document().getElementById("email").val()).isEqualTo(email);
        browser.submit(resend, "form[action=/verify-email/resend]", Map.of());
        Page confirm = browser.get(mailbox.awaitMail(email, 2).link("/verify-email"));
        browser.submit(confirm, "form[action=/verify-email]", Map.of());
        assertThat(Citizens.logIn(browser, email, Citizens.PASSWORD).path()).isEqualTo("/");
    }

    @Test
    void loginWhenAccountLockedThenToldOnlyAfterTheRightPassword() {
        String email = Citizens.newEmail("locked");
        Citizens.registerVerified(browser, mailbox, email, Citizens.PASSWORD);
        Account account = accounts.findByEmail(email).orElseThrow();
        accounts.save(new Account(account.id(), account.email(), account.passwordHash(), true,
                account.identityProofing(), AccountStatus.LOCKED, account.createdAt()));

        assertThat(Citizens.logIn(browser, email, "Falsches-Passwort-1").path()).isEqualTo("/login?error=credentials");
        Page locked = Citizens.logIn(browser, email, Citizens.PASSWORD);

        assertThat(locked.path()).isEqualTo("/login?error=locked");
        assertThat(locked.document().select(".error-summary li").text()).startsWith("Ihr Konto ist gesperrt.");
    }
}
