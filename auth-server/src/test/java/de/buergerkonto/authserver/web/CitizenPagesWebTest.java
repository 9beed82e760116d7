package de.buergerkonto.authserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import de.buergerkonto.authserver.testing.Browser;
import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.Mailbox;
import de.buergerkonto.authserver.testing.Page;
import de.buergerkonto.authserver.testing.TestSmtp;

/** What every citizen page has in common: layout, language, accessible markup, error pages. */
@CitizenPagesTest
class CitizenPagesWebTest {

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.extension();

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/register", "/register/check-mailbox", "/password-reset",
            "/password-reset/sent", "/password-reset/new", "/verify-email", "/verify-email/resend",
            "/verify-email/resend/sent", "/does-not-exist.css"})
    void pageWhenOpenedThenSharedLayoutOneH1AndEveryInputLabelled(String path) {
        Page page = browser.get(path);

        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.document().selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.document().selectFirst("meta[name=viewport]")).isNotNull();
        assertThat(page.document().select("h1")).hasSize(1);
        assertThat(page.document().select("header .site-header__brand").text()).isEqualTo("Bürgerkonto");
        assertThat(page.document().select("header nav a[hreflang=en]").text()).isEqualTo("English");
        assertThat(page.document().select("footer")).hasSize(1);
        assertThat(page.document().select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/site.css");
        for (Element input : page.document().select("input:not([type=hidden])")) {
            assertThat(page.document().select("label[for=" + input.id() + "]"))
                    .as("label for %s", input.attr("name")).hasSize(1);
        }
        assertThat(page.body()).doesNotContain("Exception", "at de.buergerkonto", "at org.springframework");
    }

    @Test
    void pageWhenLangEnThenEnglishAndTheChoiceIsKeptInACookie() {
        Page english = browser.get("/login?lang=en");

        assertThat(english.document().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.h1()).isEqualTo("Log in");
        assertThat(english.document().select("header nav a[hreflang=de]").attr("href")).isEqualTo("?lang=de");
        assertThat(browser.cookies()).anySatisfy(cookie -> {
            assertThat(cookie.getName()).isEqualTo("buergerkonto-lang");
            assertThat(cookie.getValue()).isEqualTo("en");
        });
        Page next = browser.get("/register");
        assertThat(next.h1()).isEqualTo("Register");
        assertThat(next.document().select("label[for=password]").text()).isEqualTo("Password");
        assertThat(browser.get("/register?lang=de").h1()).isEqualTo("Registrieren");
    }

    @Test
    void pageWhenLanguageNotOfferedThenGerman() {
        Page page = browser.get("/login?lang=fr");

        assertThat(page.document().selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.h1()).isEqualTo("Anmelden");
    }

    @Test
    void languageSwitchWhenPageHasAQueryThenKeepsIt() {
        Page page = browser.get("/login?error=credentials");

        assertThat(page.document().select("header nav a").attr("href")).isEqualTo("?error=credentials&lang=en");
    }

    @Test
    void unknownUrlWhenLoggedInThenHtmlErrorPageWithoutStackTrace() {
        String email = Citizens.newEmail("lost");
        Citizens.registerVerified(browser, new Mailbox(smtp), email, Citizens.PASSWORD);
        Citizens.logIn(browser, email, Citizens.PASSWORD);

        Page page = browser.get("/no/such/page");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.h1()).isEqualTo("Seite nicht gefunden");
        assertThat(page.document().select("main a[href=/]")).isNotEmpty();
        assertThat(page.body()).doesNotContain("Exception", "trace", "at org.springframework");
        assertThat(browser.get("/no/such/page?lang=en").h1()).isEqualTo("Page not found");
    }

    @Test
    void unknownUrlWhenAnonymousThenSentToLogin() {
        assertThat(browser.get("/no/such/page").path()).isEqualTo("/login");
    }

    @Test
    void postWhenCsrfTokenMissingThenSessionExpiredPageOfferingTheFormAgain() {
        browser.get("/register");

        Page page = browser.post("/register", Map.of("email", "csrf@example.org", "password", Citizens.PASSWORD,
                "passwordConfirmation", Citizens.PASSWORD));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.h1()).isEqualTo("Ihre Sitzung ist abgelaufen");
        assertThat(page.mainText()).contains("Ihre Sitzung ist abgelaufen, bitte erneut versuchen.");
        assertThat(page.document().select("main a.button").attr("href")).isEqualTo("/register");
    }

    @Test
    void devMailboxWhenNotInLocalProfileThenNotThere() {
        assertThat(browser.get("/dev/mailbox").status()).isEqualTo(404);
    }

    @Test
    void responseWhenCitizenPageThenNoReferrerAndNoFraming() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(browser.base().resolve("/login")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'");
    }
}
