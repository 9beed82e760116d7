package de.buergerkonto.authserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.secondfactor.totp.Totp;
import de.buergerkonto.authserver.secondfactor.totp.TotpFactors;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.RelyingParty;
import de.buergerkonto.testsupport.Chromium;
import de.buergerkonto.testsupport.PageHeading;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Step-up in a real browser (headless Chromium): Erika, identity proven, logs in with her
 * password (level low); the service demands substantial; she is asked only for her TOTP code
 * and lands at the service with an ID token that says substantial.
 */
@CitizenPagesTest
class StepUpBrowserTest {

    private static final String CLIENT_ID = "browser-stepup-service";
    private static final String PASSWORD = "Amsel-Drossel-Fink-42";
    private static final RelyingParty SERVICE = RelyingParty.start(CLIENT_ID);

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TotpFactors totpFactors;

    @Autowired
    MutableClock clock;

    private WebDriver browser;
    private WebDriverWait wait;

    @DynamicPropertySource
    static void registerService(DynamicPropertyRegistry properties) {
        String client = "buergerkonto.clients." + CLIENT_ID + ".";
        properties.add(client + "name", () -> "Bewohnerparken Test");
        properties.add(client + "grant-types", () -> "authorization_code");
        properties.add(client + "redirect-uris", () -> SERVICE.callback().toString());
        properties.add(client + "scopes", () -> "openid,email");
    }

    @BeforeEach
    void openBrowser() {
        SERVICE.trust("http://127.0.0.1:" + port);
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @AfterAll
    static void stopService() {
        SERVICE.close();
    }

    @Test
    void loginWhenServiceDemandsSubstantialThenAskedOnlyForTheCodeAndTokenSaysSubstantial() {
        String email = "erika-" + UUID.randomUUID() + "@example.org";
        String accountId = UUID.randomUUID().toString();
        accounts.create(new Account(accountId, email, passwordEncoder.encode(PASSWORD), true, AssuranceLevel.HIGH,
                AccountStatus.ACTIVE, Instant.now()));
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        totpFactors.add(accountId, "Authenticator-App", secret, Totp.step(clock.instant()) - 5);

        browser.get(SERVICE.startUri(AssuranceLevel.SUBSTANTIAL.acr()).toString());
        waitForHeading("Anmelden");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        assertThat(browser.findElements(By.id("password"))).as("not asked for the password again").isEmpty();
        browser.findElement(By.id("code")).sendKeys(AuthenticatorApp.withSecret(secret).codeAt(clock.instant()));
        browser.findElement(By.cssSelector("form[action='/login/second-factor'] button[type=submit]")).click();

        waitForHeading("Bewohnerparken Test");
        browser.findElement(By.cssSelector("form#consent button[type=submit]")).click();

        waitForHeading("Angemeldet beim Testdienst");
        assertThat(browser.findElement(By.id("acr")).getText()).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(browser.findElement(By.id("amr")).getText()).isEqualTo("[pwd, otp, mfa]");
    }

    private void waitForHeading(String text) {
        PageHeading.waitFor(browser, Duration.ofSeconds(15), text);
    }
}
