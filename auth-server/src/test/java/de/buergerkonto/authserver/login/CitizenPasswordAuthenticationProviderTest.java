package de.buergerkonto.authserver.login;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.buergerkonto.authserver.account.AccountRepository;

class CitizenPasswordAuthenticationProviderTest {

    private final AccountRepository accounts = mock(AccountRepository.class);
    private final PasswordEncoder passwordEncoder = mock(PasswordEncoder.class);
    private final LoginThrottle throttle = mock(LoginThrottle.class);

    private CitizenPasswordAuthenticationProvider provider;

    @BeforeEach
    void setUp() {
        when(passwordEncoder.encode(anyString())).thenReturn("{argon2}dummy");
        provider = new CitizenPasswordAuthenticationProvider(accounts, passwordEncoder, throttle, Clock.systemUTC());
    }

    @Test
    void authenticateWhenThrottledThenRefusedBeforeAnyLookupOrPasswordCheck() {
        when(throttle.retryAfter(anyString(), anyString())).thenReturn(Optional.of(Duration.ofMinutes(7)));

        assertThatThrownBy(() -> provider.authenticate(login()))
                .isInstanceOf(LoginThrottledException.class)
                .extracting(e -> ((LoginThrottledException) e).retryAfter()).isEqualTo(Duration.ofMinutes(7));
        verify(accounts, never()).findByEmail(anyString());
        verify(passwordEncoder, never()).matches(any(), any());
        verify(throttle, never()).recordFailure(anyString(), anyString());
    }

    @Test
    void authenticateWhenRedisFailsThenLoginFailsClosed() {
        when(throttle.retryAfter(anyString(), anyString()))
                .thenThrow(new RedisConnectionFailureException("Redis is down"));

        assertThatThrownBy(() -> provider.authenticate(login()))
                .isInstanceOf(InternalAuthenticationServiceException.class)
                .hasMessageNotContaining("erika");
        verify(passwordEncoder, never()).matches(any(), any());
    }

    @Test
    void authenticateWhenAccountStoreFailsAfterThrottleThenLoginFailsClosed() {
        when(throttle.retryAfter(anyString(), anyString())).thenReturn(Optional.empty());
        when(accounts.findByEmail(anyString())).thenThrow(new RedisConnectionFailureException("Redis is down"));

        assertThatThrownBy(() -> provider.authenticate(login()))
                .isInstanceOf(InternalAuthenticationServiceException.class);
    }

    private static UsernamePasswordAuthenticationToken login() {
        return UsernamePasswordAuthenticationToken.unauthenticated("erika@example.org", "Mustermann-2026");
    }
}
