package de.buergerkonto.authserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.RelyingParty;
import de.buergerkonto.testsupport.Chromium;
import de.buergerkonto.testsupport.PageHeading;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Passkeys in a real browser (headless Chromium) with Chromium's virtual authenticator (W3C
 * WebAuthn Level 2, section 11, through Selenium): a CTAP2 platform authenticator with resident
 * keys and user verification. Erika, identity proven, registers a passkey on the factor page,
 * logs out, and then (a) steps up with it after her password when the service demands
 * substantial, or (b) logs in with the passkey alone.
 *
 * <p>The browser visits {@code localhost}: WebAuthn accepts no IP address as RP ID. The server
 * listens on a port chosen before start, so that its origin can be configured.
 */
@CitizenPagesTest
class PasskeyBrowserTest {

    private static final String CLIENT_ID = "browser-passkey-service";
    private static final String PASSWORD = "Amsel-Drossel-Fink-42";
    private static final RelyingParty SERVICE = RelyingParty.start(CLIENT_ID);
    private static final int PORT = freePort();

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private VirtualAuthenticator authenticator;

    @DynamicPropertySource
    static void registerServiceAndOrigin(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("buergerkonto.passkeys.origins", () -> "http://localhost:" + PORT);
        String client = "buergerkonto.clients." + CLIENT_ID + ".";
        properties.add(client + "name", () -> "Bewohnerparken Test");
        properties.add(client + "grant-types", () -> "authorization_code");
        properties.add(client + "redirect-uris", () -> SERVICE.callback().toString());
        properties.add(client + "scopes", () -> "openid,email");
    }

    @BeforeEach
    void openBrowser() {
        SERVICE.trust(server());
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        authenticator = browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
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
    void loginWhenServiceDemandsSubstantialThenAskedOnlyForThePasskeyAndTokenSaysSubstantial() {
        String email = erikaWithPasskey();

        browser.get(SERVICE.startUri(AssuranceLevel.SUBSTANTIAL.acr()).toString());
        logInWithPassword(email);
        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        assertThat(browser.findElements(By.id("password"))).as("not asked for the password again").isEmpty();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form#passkey-step-up button")))
                .click();

        consentAndWaitForService();
        assertThat(browser.findElement(By.id("acr")).getText()).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(browser.findElement(By.id("amr")).getText()).isEqualTo("[pwd, hwk, mfa]");
    }

    @Test
    void loginWhenPasskeyOnlyThenNoPasswordAndTokenSaysSubstantial() {
        erikaWithPasskey();

        browser.get(SERVICE.startUri().toString());
        waitForHeading("Anmelden");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form#passkey-login button")))
                .click();

        consentAndWaitForService();
        assertThat(browser.findElement(By.id("acr")).getText()).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(browser.findElement(By.id("amr")).getText()).isEqualTo("[hwk, mfa]");
        assertThat(authenticator.getCredentials()).hasSize(1);
    }

    /** Erika, identity proven, logs in with her password, registers a passkey on the factor page and logs out. */
    private String erikaWithPasskey() {
        String email = "erika-" + UUID.randomUUID() + "@example.org";
        accounts.create(new Account(UUID.randomUUID().toString(), email, passwordEncoder.encode(PASSWORD), true,
                AssuranceLevel.HIGH, AccountStatus.ACTIVE, Instant.now()));
        browser.get(server() + "/login");
        logInWithPassword(email);
        waitForHeading("Ihr Bürgerkonto");

        browser.get(server() + "/account/second-factors/passkey/new");
        browser.findElement(By.id("factorName")).clear();
        browser.findElement(By.id("factorName")).sendKeys("Laptop");
        browser.findElement(By.cssSelector("form#passkey-register button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("enrolled")));
        assertThat(browser.findElement(By.id("enrolled")).getText()).isEqualTo("Ihr Passkey ist eingerichtet.");

        browser.get(server() + "/");
        browser.findElement(By.cssSelector("form[action='/logout'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        return email;
    }

    private void logInWithPassword(String email) {
        waitForHeading("Anmelden");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    private void consentAndWaitForService() {
        waitForHeading("Bewohnerparken Test");
        browser.findElement(By.cssSelector("form#consent button[type=submit]")).click();
        waitForHeading("Angemeldet beim Testdienst");
    }

    private String server() {
        return "http://localhost:" + port;
    }

    private void waitForHeading(String text) {
        PageHeading.waitFor(browser, Duration.ofSeconds(15), text);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
