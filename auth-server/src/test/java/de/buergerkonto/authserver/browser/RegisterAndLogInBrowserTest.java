package de.buergerkonto.authserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.Mailbox;
import de.buergerkonto.authserver.testing.RelyingParty;
import de.buergerkonto.authserver.testing.TestSmtp;
import de.buergerkonto.testsupport.Chromium;
import de.buergerkonto.testsupport.PageHeading;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * A citizen in a real browser (headless Chromium): comes from an online service, registers,
 * confirms the address through the link in the mail, logs in, agrees to what the service
 * receives, and lands back at the service with a validated ID token.
 */
@CitizenPagesTest
class RegisterAndLogInBrowserTest {

    private static final String CLIENT_ID = "browser-test-service";
    private static final RelyingParty SERVICE = RelyingParty.start(CLIENT_ID);

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.extension();

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @DynamicPropertySource
    static void registerService(DynamicPropertyRegistry properties) {
        String client = "buergerkonto.clients." + CLIENT_ID + ".";
        properties.add(client + "name", () -> "Bewohnerparken Test");
        properties.add(client + "grant-types", () -> "authorization_code,refresh_token");
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
    void registerVerifyLogInConsentWhenNewCitizenThenLandsAtServiceWithBasicLevel() {
        String email = Citizens.newEmail("browser");

        browser.get(SERVICE.startUri().toString());
        waitForHeading("Anmelden");
        browser.findElement(By.linkText("Jetzt registrieren")).click();

        waitForHeading("Registrieren");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Citizens.PASSWORD);
        browser.findElement(By.id("passwordConfirmation")).sendKeys(Citizens.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/register'] button[type=submit]")).click();
        waitForHeading("Bitte prüfen Sie Ihr Postfach");

        URI link = URI.create(new Mailbox(SMTP).awaitFirstMail(email).link("/verify-email"));
        browser.get("http://127.0.0.1:" + port + link.getRawPath() + "?" + link.getRawQuery());
        browser.findElement(By.cssSelector("form[action='/verify-email'] button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("token=")));

        browser.get(SERVICE.startUri().toString());
        waitForHeading("Anmelden");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Citizens.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();

        waitForHeading("Bewohnerparken Test");
        assertThat(browser.findElement(By.id("scope-email")).isSelected()).isTrue();
        browser.findElement(By.cssSelector("form#consent button[type=submit]")).click();

        waitForHeading("Angemeldet beim Testdienst");
        assertThat(browser.getCurrentUrl()).startsWith(SERVICE.callback().toString());
        assertThat(browser.findElement(By.id("acr")).getText()).isEqualTo(AssuranceLevel.BASIC.acr());
        assertThat(browser.findElement(By.id("amr")).getText()).isEqualTo("[pwd]");
        assertThat(browser.findElement(By.id("sub")).getText()).isNotBlank();
    }

    private void waitForHeading(String text) {
        PageHeading.waitFor(browser, Duration.ofSeconds(15), text);
    }
}
