package de.buergerkonto.authserver.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import de.buergerkonto.authserver.testing.Browser;
import de.buergerkonto.authserver.testing.Citizens;
import de.buergerkonto.authserver.testing.Page;

/** The failure policy of the login when its Redis calls fail: closed, with a page, no stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class LoginWhenRedisFailsTest {

    @LocalServerPort
    int port;

    @MockitoBean
    LoginThrottle throttle;

    @Test
    void loginWhenThrottleStoreFailsThenServiceUnavailablePageAndNotLoggedIn() {
        when(throttle.retryAfter(anyString(), anyString()))
                .thenThrow(new RedisConnectionFailureException("Unable to connect to Redis"));
        Browser browser = new Browser(port);

        Page page = Citizens.logIn(browser, "erika@example.org", "Mustermann-2026");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.h1()).isEqualTo("Der Dienst ist vorübergehend nicht erreichbar");
        assertThat(page.mainText()).contains("Sie wurden nicht angemeldet.");
        assertThat(page.body()).doesNotContain("Redis", "Exception", "at org.springframework");
        assertThat(browser.get("/").path()).isEqualTo("/login");
    }
}
