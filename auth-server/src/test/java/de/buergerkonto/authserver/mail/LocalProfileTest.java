package de.buergerkonto.authserver.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import de.buergerkonto.authserver.testing.Browser;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.DemoTotp;
import de.buergerkonto.authserver.testing.Page;
import de.buergerkonto.authserver.testing.SecondFactorSteps;

/** The local run: demo citizen, mails to the dev mailbox instead of SMTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@ActiveProfiles("local")
class LocalProfileTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void loginWhenDemoCitizenThenAccountPage() {
        Page home = Citizens.logIn(new Browser(port), "erika@example.org", "Mustermann-2026");

        assertThat(home.path()).isEqualTo("/");
        assertThat(home.mainText()).contains("Angemeldet als erika@example.org");
    }

    @Test
    void loginWhenProvenDemoCitizenWithDocumentedTotpSecretThenSubstantial() {
        Browser browser = new Browser(port);
        Page home = Citizens.logIn(browser, "max@example.org", "Mustermann-2026");
        assertThat(SecondFactorSteps.trustLevel(home)).isEqualTo("Vertrauensniveau: niedrig");

        String code = DemoTotp.maxsNextCode(Instant.now());
        Page stepped = SecondFactorSteps.confirm(browser, code);

        assertThat(stepped.path()).isEqualTo("/");
        assertThat(SecondFactorSteps.trustLevel(stepped)).isEqualTo("Vertrauensniveau: substanziell");
    }

    @Test
    void registerWhenLocalThenMailAppearsInDevMailboxWithItsLink() {
        Browser browser = new Browser(port);
        String email = Citizens.newEmail("local");
        Citizens.register(browser, email, Citizens.PASSWORD);

        Page mailbox = awaitMailboxShowing(browser, email);

        assertThat(mailbox.h1()).isEqualTo("Entwicklungs-Postfach");
        String link = mailbox.document().select("article.mail").stream()
                .filter(article -> article.text().contains(email))
                .findFirst().orElseThrow()
                .selectFirst("ul.links a").attr("href");
        Page confirm = browser.get(link);
        assertThat(browser.submit(confirm, "form[action=/verify-email]", Map.of()).h1())
                .isEqualTo("E-Mail-Adresse bestätigt");
    }

    @Test
    void contextWhenLocalThenNoSmtpTransport() {
        assertThat(context.getBeansOfType(MailTransport.class).values())
                .singleElement().isInstanceOf(DevMailbox.class);
    }

    /** The mail is handed over in the background; the mailbox page shows it a moment later. */
    private Page awaitMailboxShowing(Browser browser, String email) {
        DevMailbox mailbox = context.getBean(DevMailbox.class);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (mailbox.mails().stream().noneMatch(received -> received.mail().to().equals(email))) {
            assertThat(System.nanoTime()).as("mail reached the dev mailbox in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
        return browser.get("/dev/mailbox");
    }
}
