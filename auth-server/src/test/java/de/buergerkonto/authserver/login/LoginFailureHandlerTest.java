package de.buergerkonto.authserver.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

class LoginFailureHandlerTest {

    private final LoginFailureHandler handler = new LoginFailureHandler();

    @Test
    void onFailureWhenStoreUnavailableThenErrorPage503AndNoRedirect() throws Exception {
        MockHttpServletResponse response = fail(new InternalAuthenticationServiceException("down"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getRedirectedUrl()).isNull();
    }

    @Test
    void onFailureWhenThrottledThenMinutesRoundedUp() throws Exception {
        assertThat(fail(new LoginThrottledException(Duration.ofSeconds(61))).getRedirectedUrl())
                .isEqualTo("/login?error=throttled&minutes=2");
        assertThat(fail(new LoginThrottledException(Duration.ofMinutes(15))).getRedirectedUrl())
                .isEqualTo("/login?error=throttled&minutes=15");
        assertThat(fail(new LoginThrottledException(Duration.ofMillis(10))).getRedirectedUrl())
                .isEqualTo("/login?error=throttled&minutes=1");
    }

    @Test
    void onFailureWhenAccountStateThenItsOwnReason() throws Exception {
        assertThat(fail(new BadCredentialsException("x")).getRedirectedUrl()).isEqualTo("/login?error=credentials");
        assertThat(fail(new DisabledException("x")).getRedirectedUrl()).isEqualTo("/login?error=unverified");
        assertThat(fail(new LockedException("x")).getRedirectedUrl()).isEqualTo("/login?error=locked");
    }

    private MockHttpServletResponse fail(AuthenticationException exception) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("email", "erika@example.org");
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.onAuthenticationFailure(request, response, exception);
        return response;
    }
}
