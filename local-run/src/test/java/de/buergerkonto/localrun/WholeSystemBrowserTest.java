package de.buergerkonto.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.buergerkonto.authserver.secondfactor.totp.Totp;
import de.buergerkonto.testsupport.Chromium;
import de.buergerkonto.testsupport.PageHeading;

/**
 * The citizen's walk through the whole local system in a real browser (issue 5): headless
 * Chromium against the gateway on 8080 in browser mode, the auth-server on 9000, the eID adapter
 * with its simulated eID-Server on 9100, the demo services behind the gateway. Each scenario has a
 * fresh browser profile, so no session leaks from one into another; the system is started once
 * ({@link LocalSystem}).
 */
class WholeSystemBrowserTest extends WholeSystemTest {

    /** Max's authenticator app: the demo secret the README documents. */
    private static final byte[] MAX_TOTP_SECRET = Base32.decode("JBSWY3DPEHPK3PXP".toUpperCase(Locale.ROOT));
    private static final String CARD_PIN = "123456";
    /** The gateway's {@code buergerkonto.gateway.browser.step-up.max-attempts}: logins a route may start in its window. */
    private static final int MAX_LOGINS_PER_ROUTE = 2;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void parkingPermitWhenMaxLoggedInAtLowThenAsksOnlyForTheCodeAndShowsHisVerifiedNameAndAddress() {
        // the news (basic): his password alone, level low
        browser.get(gateway("/stadt-news/"));
        logInWithPassword(MAX);
        backAtTheGateway();
        waitForLevel("niedrig");
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway("/stadt-news/"));

        // the parking permit (substantial): the same auth-server session asks only for the TOTP code
        browser.get(gateway("/bewohnerparken/"));
        wait.until(ExpectedConditions.urlContains(LocalSystem.AUTH_SERVER + "/login/second-factor"));
        assertThat(browser.findElements(By.id("password"))).as("not asked for the password again").isEmpty();
        browser.findElement(By.id("code")).sendKeys(maxsCode());
        browser.findElement(By.cssSelector("form[action='/login/second-factor'] button[type=submit]")).click();
        backAtTheGateway();

        waitForLevel("substanziell");
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway("/bewohnerparken/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Antrag auf einen Bewohnerparkausweis");
        // the form is prefilled with his verified identity (the demo fixture), released through userinfo and the assertion
        assertThat(browser.findElement(By.id("applicant")).getText()).isEqualTo("MAX MUSTERMANN");
        assertThat(browser.findElement(By.id("address")).getText())
                .contains("ELBERFELDER STRASSE 12").contains("58095").contains("HAGEN").contains("geprüft");
    }

    @Test
    void ePaymentWhenIdCardPresentedThenHighWithTheNameFromTheCard() {
        browser.get(gateway("/e-payment/"));
        waitForHeading("Anmelden");
        browser.findElement(By.id("eid-login-link")).click();
        presentCard("ERIKA");
        backAtTheGateway();

        waitForLevel("hoch");
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway("/e-payment/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Gebühr bezahlen");
        assertThat(browser.findElement(By.id("amr")).getText()).contains("sc");
        assertThat(browser.findElement(By.id("attributes")).getText())
                .contains("given_name: ERIKA").contains("family_name: MUSTERMANN");
    }

    @Test
    void logoutWhenLoggedInThenGatewayAndAuthServerSessionsEnd() {
        browser.get(gateway("/stadt-news/"));
        logInWithPassword(ERIKA);
        backAtTheGateway();
        waitForLevel("Basis");

        browser.get(gateway("/abmelden"));
        waitForHeading("Abmelden");
        browser.findElement(By.cssSelector("form#logout button[type=submit]")).click();
        waitForHeading("Sie sind abgemeldet");
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway("/logged-out"));

        // a new visit: no gateway session, and the auth-server asks for the password again
        browser.get(gateway("/stadt-news/"));
        waitForHeading("Anmelden");
        assertThat(browser.getCurrentUrl()).startsWith(LocalSystem.AUTH_SERVER.toString());
        assertThat(browser.findElements(By.id("password"))).isNotEmpty();
    }

    @Test
    void parkingPermitWhenErikaCannotReachSubstantialThenBoundedLoginsThenTheGatewaysPageNeverALoop() {
        browser.get(gateway("/bewohnerparken/"));
        logInWithPassword(ERIKA);

        // the gateway asks for substantial as essential: the auth-server explains on its own page what her
        // account lacks, once per login the gateway starts for the route; then the gateway's own page
        int explanations = 0;
        untilLimitOrOutOfReachPage();
        while (onLevelOutOfReachPage()) {
            explanations++;
            assertThat(explanations).as("logins the gateway started for the route").isLessThanOrEqualTo(MAX_LOGINS_PER_ROUTE);
            WebElement explanation = browser.findElement(By.tagName("h1"));
            browser.findElement(By.id("back-to-service")).click();
            wait.until(ExpectedConditions.stalenessOf(explanation));
            untilLimitOrOutOfReachPage();
        }
        assertThat(explanations).isEqualTo(MAX_LOGINS_PER_ROUTE);

        assertThat(browser.getCurrentUrl()).isEqualTo(gateway("/bewohnerparken/"));
        assertThat(browser.findElement(By.id("needed")).getText()).contains("„substanziell“");
        // asking again shows the page again, without another redirect
        browser.navigate().refresh();
        waitForHeading("Dieser Dienst verlangt ein höheres Vertrauensniveau");
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway("/bewohnerparken/"));
    }

    /** Waits for either explanation, giving the auth-server's consent on the way if it asks (her first login at the gateway). */
    private void untilLimitOrOutOfReachPage() {
        try {
            wait.until(driver -> onGatewayLimitPage() || onLevelOutOfReachPage() || onConsentPage());
            if (onConsentPage()) {
                browser.findElement(By.cssSelector("form#consent button[type=submit]")).click();
                wait.until(driver -> onGatewayLimitPage() || onLevelOutOfReachPage());
            }
        } catch (TimeoutException timeout) {
            throw new AssertionError("Neither explanation shown at " + browser.getCurrentUrl() + ": " + browser.getPageSource(),
                    timeout);
        }
    }

    private boolean onConsentPage() {
        return browser.getCurrentUrl().startsWith(LocalSystem.AUTH_SERVER + "/oauth2/consent");
    }

    @Test
    void loginWhenCitizenCancelsTheConsentThenTheGatewaysOwnPageAndALinkToTryAgain() {
        // a citizen new to the gateway (the first login with this test card creates her account)
        browser.get(gateway("/stadt-news/"));
        waitForHeading("Anmelden");
        browser.findElement(By.id("eid-login-link")).click();
        presentCard("PARTIAL_BIRTH_DATE");
        wait.until(ExpectedConditions.urlContains(LocalSystem.AUTH_SERVER + "/oauth2/consent"));
        browser.findElement(By.cssSelector("form#cancel button[type=submit]")).click();

        // the authorization error response (access_denied) ends on the gateway's page, not Spring Security's sign-in page
        waitForHeading("Anmeldung nicht abgeschlossen");
        assertThat(browser.getCurrentUrl()).startsWith(gateway("/login/oauth2/code/"));
        assertThat(browser.findElement(By.id("reason")).getText()).contains("abgebrochen");
        browser.findElement(By.id("retry")).click();
        // her auth-server session stands: only the consent is asked again
        wait.until(ExpectedConditions.urlContains(LocalSystem.AUTH_SERVER + "/oauth2/consent"));
    }

    private void presentCard(String card) {
        wait.until(ExpectedConditions.urlContains("http://localhost:9100/eid/start"));
        browser.findElement(By.cssSelector("a.simulator-link")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("card-" + card))).click();
        browser.findElement(By.id("pin")).sendKeys(CARD_PIN);
        browser.findElement(By.cssSelector("button[name=action][value=authenticate]")).click();
    }

    private boolean onLevelOutOfReachPage() {
        return browser.getCurrentUrl().startsWith(LocalSystem.AUTH_SERVER + "/login/level-out-of-reach")
                && !browser.findElements(By.id("back-to-service")).isEmpty();
    }

    private boolean onGatewayLimitPage() {
        return browser.getCurrentUrl().startsWith(LocalSystem.GATEWAY + "/")
                && !browser.findElements(By.id("needed")).isEmpty();
    }

    private void logInWithPassword(String email) {
        waitForHeading("Anmelden");
        assertThat(browser.getCurrentUrl()).startsWith(LocalSystem.AUTH_SERVER.toString());
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(CitizenLogin.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    /** Back at the gateway; the auth-server asks once per citizen for the gateway's scopes on the way. */
    private void backAtTheGateway() {
        wait.until(driver -> driver.getCurrentUrl().startsWith(LocalSystem.GATEWAY + "/")
                || driver.getCurrentUrl().startsWith(LocalSystem.AUTH_SERVER + "/oauth2/consent"));
        if (browser.getCurrentUrl().startsWith(LocalSystem.AUTH_SERVER + "/oauth2/consent")) {
            browser.findElement(By.cssSelector("form#consent button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains(LocalSystem.GATEWAY + "/"));
        }
    }

    /** A code of Max's app for the current time step; the system was started for this JVM, so no step is used yet. */
    private static String maxsCode() {
        return Totp.authenticatorApp().code(MAX_TOTP_SECRET, Totp.step(Instant.now()));
    }

    private void waitForLevel(String level) {
        try {
            wait.until(ExpectedConditions.textToBe(By.id("level"), level));
        } catch (TimeoutException timeout) {
            throw new AssertionError("Level '" + level + "' not shown at " + browser.getCurrentUrl() + ": "
                    + browser.getPageSource(), timeout);
        }
    }

    private void waitForHeading(String text) {
        PageHeading.waitFor(browser, Duration.ofSeconds(30), text);
    }

    private static String gateway(String path) {
        return URI.create(LocalSystem.GATEWAY + path).toString();
    }
}
