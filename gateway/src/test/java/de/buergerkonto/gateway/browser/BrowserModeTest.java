package de.buergerkonto.gateway.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.gateway.GatewayApplication;
import de.buergerkonto.gateway.testing.DemoGateway;
import de.buergerkonto.gateway.testing.Http;
import de.buergerkonto.gateway.testing.InProcessAuthServer;
import de.buergerkonto.testsupport.Chromium;
import de.buergerkonto.testsupport.PageHeading;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Browser mode end to end: headless Chromium, the gateway (reactive) and the real auth-server
 * (servlet) in this JVM, WireMock as the three demo services. An eID-proven citizen with an
 * authenticator app logs in with her password for the news (basic), is asked only for her code
 * when she opens the parking permit (substantial), gets a clear page instead of endless redirects
 * for the payment (high, out of her reach), and logs out of the gateway and the auth-server.
 */
class BrowserModeTest {

    static final String SECRET = DemoGateway.CLIENT_SECRET;

    static WireMockServer services;
    static InProcessAuthServer authServer;
    static ConfigurableApplicationContext gateway;
    static int gatewayPort;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        services = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        services.start();
        for (String service : List.of("stadt-news", "bewohnerparken", "e-payment")) {
            services.stubFor(any(urlPathMatching("/" + service + "(/.*)?")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<!DOCTYPE html><html lang=\"de\"><head><title>" + service + "</title></head><body><h1>Dienst "
                            + service + "</h1></body></html>")));
        }
        gatewayPort = freePort();
        String gatewayUrl = "http://localhost:" + gatewayPort;
        authServer = InProcessAuthServer.start(List.of(
                "--buergerkonto.clients.gateway.name=Portal der Stadt",
                "--buergerkonto.clients.gateway.secret=" + SECRET,
                "--buergerkonto.clients.gateway.grant-types=authorization_code,refresh_token",
                "--buergerkonto.clients.gateway.redirect-uris=" + gatewayUrl + "/login/oauth2/code/buergerkonto",
                "--buergerkonto.clients.gateway.post-logout-redirect-uris=" + gatewayUrl + "/logged-out",
                "--buergerkonto.clients.gateway.scopes=openid,profile,address",
                "--buergerkonto.clients.gateway.consent-required=false"));
        gateway = DemoGateway.start(gatewayPort, authServer.issuer(), services.baseUrl(), "browser-test-" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (authServer != null) {
            authServer.close();
        }
        services.stop();
    }

    @BeforeEach
    void openBrowser() {
        services.resetRequests();
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    String gatewayUrl(String path) {
        return "http://localhost:" + gatewayPort + path;
    }

    @Test
    void walkWhenServicesNeedHigherLevelsThenStepUpThenLimitPageThenLogoutEndsBothSessions() throws Exception {
        Account erika = authServer.citizen(AssuranceLevel.HIGH);
        InProcessAuthServer.TotpApp app = authServer.enrolTotp(erika);

        // basic: no session yet, so the auth-server's login, then back to the page asked for
        browser.get(gatewayUrl("/stadt-news/aktuell?seite=2"));
        waitForHeading("Anmelden");
        assertThat(browser.getCurrentUrl()).startsWith(authServer.issuer());
        browser.findElement(By.id("email")).sendKeys(erika.email());
        browser.findElement(By.id("password")).sendKeys(InProcessAuthServer.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitForHeading("Dienst stadt-news");
        assertThat(browser.getCurrentUrl()).isEqualTo(gatewayUrl("/stadt-news/aktuell?seite=2"));
        assertThat(browser.manage().getCookies()).extracting(Cookie::getName).contains("BK_GATEWAY_SESSION");
        Cookie session = browser.manage().getCookieNamed("BK_GATEWAY_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        LoggedRequest news = onlyRequest("/stadt-news/aktuell");
        assertThat(claims(bearer(news)).getStringClaim("acr")).isEqualTo(AssuranceLevel.LOW.acr());

        // substantial: step-up, the same auth-server session asks only for the code
        browser.get(gatewayUrl("/bewohnerparken/"));
        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        assertThat(browser.findElements(By.id("password"))).as("not asked for the password again").isEmpty();
        browser.findElement(By.id("code")).sendKeys(app.codeNow());
        browser.findElement(By.cssSelector("form[action='/login/second-factor'] button[type=submit]")).click();
        waitForHeading("Dienst bewohnerparken");
        assertThat(browser.getCurrentUrl()).isEqualTo(gatewayUrl("/bewohnerparken/"));
        LoggedRequest parking = onlyRequest("/bewohnerparken/");
        JWTClaimsSet accessToken = claims(bearer(parking));
        assertThat(accessToken.getStringClaim("acr")).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(accessToken.getAudience()).contains("gateway");
        JWTClaimsSet assertion = verifiedAssertion(parking, "bewohnerparken");
        assertThat(assertion.getSubject()).isEqualTo(accessToken.getSubject());
        assertThat(parking.getHeader("Cookie")).as("the gateway's session cookie stays at the gateway")
                .doesNotContain("BK_GATEWAY_SESSION");

        // high: out of reach for a password + TOTP account; the gateway asks for it as essential, so the
        // auth-server explains (twice: one per login the route may start), then the gateway's page, no loop
        browser.get(gatewayUrl("/e-payment/gebuehr"));
        for (int login = 1; login <= 2; login++) {
            waitForHeading("Dieser Dienst verlangt ein höheres Vertrauensniveau");
            assertThat(browser.getCurrentUrl()).as("login %d explained by the auth-server", login)
                    .startsWith(authServer.issuer() + "/login/level-out-of-reach");
            WebElement explanation = browser.findElement(By.tagName("h1"));
            browser.findElement(By.id("back-to-service")).click();
            wait.until(ExpectedConditions.stalenessOf(explanation));
        }
        waitForHeading("Dieser Dienst verlangt ein höheres Vertrauensniveau");
        assertThat(browser.getCurrentUrl()).isEqualTo(gatewayUrl("/e-payment/gebuehr"));
        assertThat(browser.findElement(By.id("needed")).getText()).contains("„hoch“");
        assertThat(browser.findElement(By.id("reached")).getText()).contains("„substanziell“");
        assertThat(services.findAll(anyRequestedFor(urlPathMatching("/e-payment.*")))).isEmpty();
        browser.get(gatewayUrl("/e-payment/gebuehr?lang=en"));
        waitForHeading("This service needs a higher trust level");
        assertThat(browser.getCurrentUrl()).as("no further redirect").isEqualTo(gatewayUrl("/e-payment/gebuehr?lang=en"));

        // logout: the gateway session and the auth-server session end
        browser.get(gatewayUrl("/abmelden"));
        waitForHeading("Abmelden");
        browser.findElement(By.cssSelector("form#logout button[type=submit]")).click();
        waitForHeading("Sie sind abgemeldet");
        assertThat(browser.getCurrentUrl()).isEqualTo(gatewayUrl("/logged-out"));
        HttpResponse<String> withOldSession = Http.send(Http.request(gatewayUrl("/stadt-news/"))
                .header("Cookie", "BK_GATEWAY_SESSION=" + session.getValue()).header("Accept", "text/html").build());
        assertThat(withOldSession.statusCode()).as("the old session is gone").isEqualTo(302);
        browser.get(gatewayUrl("/stadt-news/"));
        waitForHeading("Anmelden");
        assertThat(browser.findElements(By.id("password"))).as("the auth-server asks for the password again").isNotEmpty();
    }

    @Test
    void requestWhenBrowserForgesHeadersThenUpstreamSeesOnlyTheSessionTokenAndTheGatewaysAssertion() throws Exception {
        Account max = authServer.citizen(AssuranceLevel.HIGH);
        browser.get(gatewayUrl("/stadt-news/"));
        waitForHeading("Anmelden");
        browser.findElement(By.id("email")).sendKeys(max.email());
        browser.findElement(By.id("password")).sendKeys(InProcessAuthServer.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitForHeading("Dienst stadt-news");
        Cookie session = browser.manage().getCookieNamed("BK_GATEWAY_SESSION");
        services.resetRequests();

        HttpResponse<String> response = Http.send(Http.request(gatewayUrl("/stadt-news/api/me"))
                .header("Cookie", "BK_GATEWAY_SESSION=" + session.getValue())
                .header("Accept", "text/html")
                .header("Authorization", "Basic Zm9yZ2VkOmZvcmdlZA==")
                .header("X-Buergerkonto-Gateway", "forged.assertion.value")
                .header("X-Buergerkonto-Subject", "someone-else")
                .header("X-Remote-User", "admin")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        LoggedRequest seen = onlyRequest("/stadt-news/api/me");
        assertThat(seen.getHeaders().getHeader("Authorization").values()).hasSize(1);
        JWTClaimsSet accessToken = claims(bearer(seen));
        assertThat(seen.getHeaders().getHeader("X-Buergerkonto-Gateway").values()).hasSize(1);
        JWTClaimsSet assertion = verifiedAssertion(seen, "stadt-news");
        assertThat(assertion.getSubject()).isEqualTo(accessToken.getSubject());
        assertThat(assertion.getJSONObjectClaim("attributes")).isEmpty();
        assertThat(seen.getHeader("X-Buergerkonto-Subject")).isEqualTo(accessToken.getSubject());
        assertThat(seen.containsHeader("X-Remote-User")).isFalse();
    }

    @Test
    void requestWhenScriptWithoutSessionOrTokenThenBearerChallengeNotRedirect() {
        HttpResponse<String> response = Http.get(gatewayUrl("/bewohnerparken/api/me"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    private LoggedRequest onlyRequest(String path) {
        List<LoggedRequest> requests = services.findAll(anyRequestedFor(urlPathMatching(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static String bearer(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        return authorization.substring("Bearer ".length());
    }

    private static JWTClaimsSet claims(String jwt) throws Exception {
        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.getHeader().getType().getType()).isEqualTo("at+jwt");
        return parsed.getJWTClaimsSet();
    }

    /** The assertion as a service checks it: signature with the gateway's JWKS, typ, iss, aud, lifetime, request id. */
    private JWTClaimsSet verifiedAssertion(LoggedRequest request, String route) throws Exception {
        SignedJWT assertion = SignedJWT.parse(request.getHeader("X-Buergerkonto-Gateway"));
        HttpResponse<String> jwksResponse = Http.get(gatewayUrl("/.well-known/gateway-jwks.json"), null);
        assertThat(jwksResponse.statusCode()).isEqualTo(200);
        JWKSet jwks = JWKSet.parse(jwksResponse.body());
        assertThat(jwks.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        ECKey key = (ECKey) jwks.getKeyByKeyId(assertion.getHeader().getKeyID());
        assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(assertion.getHeader().getType().getType()).isEqualTo("gateway+jwt");
        assertThat(assertion.verify(new ECDSAVerifier(key))).isTrue();
        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:" + gatewayPort);
        assertThat(claims.getAudience()).containsExactly(route);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isLessThanOrEqualTo(60_000);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("request_id")).isEqualTo(request.getHeader("X-Request-Id"));
        assertThat(claims.getClaim("attributes")).isInstanceOf(Map.class);
        return claims;
    }

    private void waitForHeading(String text) {
        PageHeading.waitFor(browser, Duration.ofSeconds(20), text);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
