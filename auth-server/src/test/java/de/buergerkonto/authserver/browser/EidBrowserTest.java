package de.buergerkonto.authserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.eid.LinkedCards;
import de.buergerkonto.authserver.testing.RelyingParty;
import de.buergerkonto.eidadapter.EidAdapterApplication;
import de.buergerkonto.testsupport.Chromium;
import de.buergerkonto.testsupport.PageHeading;
import de.buergerkonto.testsupport.TestRedis;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The ID card in a real browser (headless Chromium), through the real eID adapter with its
 * simulated eID-Server in this JVM (profiles {@code local}, {@code eid-simulator}, as the local
 * run starts it): the citizen picks a test card and types the PIN {@value #PIN}; the adapter's
 * handover page posts the token to the auth-server's callback. Both listen on 127.0.0.1 on
 * fixed free ports, since each names the other in its configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "server.address=127.0.0.1",
        "buergerkonto.login-throttle.per-address.max-failures=10000"})
class EidBrowserTest {

    private static final String CLIENT_ID = "browser-eid-service";
    private static final String PASSWORD = "Amsel-Drossel-Fink-42";
    private static final String PIN = "123456";
    private static final int AUTH_SERVER_PORT = freePort();
    private static final int ADAPTER_PORT = freePort();
    private static final String ADAPTER = "http://127.0.0.1:" + ADAPTER_PORT;
    private static final String CALLBACK = "http://127.0.0.1:" + AUTH_SERVER_PORT + "/login/eid/callback";
    private static final String ADAPTER_ENTITY_ID = "http://localhost:9100/eid/metadata";
    private static final RelyingParty SERVICE = RelyingParty.start(CLIENT_ID);

    private static ConfigurableApplicationContext adapter;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    ApplicationContext context;

    private WebDriver browser;
    private WebDriverWait wait;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> AUTH_SERVER_PORT);
        properties.add("buergerkonto.eid.adapter-start-url", () -> ADAPTER + "/eid/start");
        properties.add("buergerkonto.eid.callback-url", () -> CALLBACK);
        String client = "buergerkonto.clients." + CLIENT_ID + ".";
        properties.add(client + "name", () -> "E-Payment Test");
        properties.add(client + "grant-types", () -> "authorization_code");
        properties.add(client + "redirect-uris", () -> SERVICE.callback().toString());
        properties.add(client + "scopes", () -> "openid,email");
    }

    @BeforeAll
    static void startAdapter() {
        adapter = new SpringApplicationBuilder(EidAdapterApplication.class)
                .profiles("local", "eid-simulator")
                .run("--spring.config.name=" + EidAdapterApplication.CONFIG_NAME,
                        "--server.port=" + ADAPTER_PORT,
                        "--server.address=127.0.0.1",
                        "--spring.data.redis.url=" + TestRedis.url(),
                        "--eid-adapter.service-provider.public-base-url=" + ADAPTER,
                        "--eid-adapter.service-provider.entity-id=" + ADAPTER_ENTITY_ID,
                        "--eid-adapter.handover.return-urls=" + CALLBACK);
    }

    @AfterAll
    static void stop() {
        adapter.close();
        SERVICE.close();
    }

    @BeforeEach
    void openBrowser() {
        // the simulated cards have fixed pseudonyms: each test starts with them unlinked
        new LinkedCards(context).release(simulatedPseudonym("ERIKA"));
        new LinkedCards(context).release(simulatedPseudonym("PARTIAL_BIRTH_DATE"));
        SERVICE.trust("http://127.0.0.1:" + AUTH_SERVER_PORT);
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void loginWhenSimulatedCardThenServiceGetsAcrHigh() {
        browser.get(SERVICE.startUri(AssuranceLevel.HIGH.acr()).toString());
        waitForHeading("Anmelden");

        browser.findElement(By.id("eid-login-link")).click();
        presentCard("ERIKA");

        waitForHeading("E-Payment Test");
        browser.findElement(By.cssSelector("form#consent button[type=submit]")).click();
        waitForHeading("Angemeldet beim Testdienst");
        assertThat(browser.findElement(By.id("acr")).getText()).isEqualTo(AssuranceLevel.HIGH.acr());
        assertThat(browser.findElement(By.id("amr")).getText()).isEqualTo("[pin, sc, mfa]");
        assertThat(new LinkedCards(context).accountOf(simulatedPseudonym("ERIKA"))).isPresent();
    }

    @Test
    void stepUpWhenPasswordSessionAndServiceNeedsHighThenTheLinkedCardLiftsItToHigh() {
        Account account = passwordAccountLinkedTo("ERIKA");

        browser.get(SERVICE.startUri(AssuranceLevel.HIGH.acr()).toString());
        logInWithPassword(account);
        presentCard("ERIKA");

        waitForHeading("E-Payment Test");
        browser.findElement(By.cssSelector("form#consent button[type=submit]")).click();
        waitForHeading("Angemeldet beim Testdienst");
        assertThat(browser.findElement(By.id("acr")).getText()).isEqualTo(AssuranceLevel.HIGH.acr());
    }

    @Test
    void stepUpWhenAnotherCardThenRefusalPageAndNothingLinked() {
        Account account = passwordAccountLinkedTo("ERIKA");

        browser.get(SERVICE.startUri(AssuranceLevel.HIGH.acr()).toString());
        logInWithPassword(account);
        presentCard("PARTIAL_BIRTH_DATE");

        waitForHeading("Dieser Ausweis gehört nicht zu Ihrem Bürgerkonto");
        assertThat(browser.findElement(By.id("eid-refused")).getAttribute("data-refusal")).isEqualTo("not-the-linked-card");
        assertThat(new LinkedCards(context).accountOf(simulatedPseudonym("PARTIAL_BIRTH_DATE"))).isEmpty();
    }

    private Account passwordAccountLinkedTo(String card) {
        String id = UUID.randomUUID().toString();
        Account account = new Account(id, "erika-" + id + "@example.org", passwordEncoder.encode(PASSWORD), true,
                AssuranceLevel.BASIC, AccountStatus.ACTIVE, Instant.now());
        accounts.create(account);
        new LinkedCards(context).link(id, simulatedPseudonym(card), Instant.now());
        return account;
    }

    private void logInWithPassword(Account account) {
        waitForHeading("Anmelden");
        browser.findElement(By.id("email")).sendKeys(account.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    /** On the adapter's start page: the simulated ID card, the card, the PIN; the handover page posts back by itself. */
    private void presentCard(String card) {
        wait.until(ExpectedConditions.urlContains(ADAPTER + "/eid/start"));
        browser.findElement(By.cssSelector("a.simulator-link")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("card-" + card))).click();
        browser.findElement(By.id("pin")).sendKeys(PIN);
        browser.findElement(By.cssSelector("button[name=action][value=authenticate]")).click();
        wait.until(ExpectedConditions.urlContains("127.0.0.1:" + AUTH_SERVER_PORT));
    }

    private void waitForHeading(String text) {
        PageHeading.waitFor(browser, Duration.ofSeconds(20), text);
    }

    /** The simulator's pseudonym: SHA-256 over our SP entity ID and the card (as a real one, card- and SP-specific). */
    private static String simulatedPseudonym(String card) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((ADAPTER_ENTITY_ID + "\n" + card).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
