package de.buergerkonto.authserver.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.login.LoginThrottleProperties.Limit;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.TestRedisTemplate;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.now());
    private final LoginThrottle throttle = new LoginThrottle(TestRedisTemplate.get(),
            new LoginThrottleProperties(new Limit(3, WINDOW), new Limit(5, WINDOW)), clock);

    private String email;
    private String address;

    @BeforeEach
    void setUp() {
        // start each test at the beginning of a window, so the expected waits are whole
        long length = WINDOW.toSeconds();
        clock.set(Instant.ofEpochSecond((clock.instant().getEpochSecond() / length + 1) * length));
        UUID unique = UUID.randomUUID();
        email = "throttle-" + unique + "@example.org";
        address = "10." + Math.floorMod(unique.getMostSignificantBits(), 256) + "."
                + Math.floorMod(unique.getLeastSignificantBits(), 256) + "." + Math.floorMod(unique.hashCode(), 256);
    }

    @Test
    void retryAfterWhenFewerFailuresThanTheLimitThenEmpty() {
        fail(email, address, 2);

        assertThat(throttle.retryAfter(email, address)).isEmpty();
    }

    @Test
    void retryAfterWhenAccountLimitReachedThenRestOfTheWindow() {
        fail(email, address, 3);
        clock.advance(Duration.ofMinutes(5));

        assertThat(throttle.retryAfter(email, address)).hasValue(Duration.ofMinutes(10));
        assertThat(throttle.retryAfter(email.toUpperCase(), "10.9.9.9"))
                .as("counted by the normalized email, from any address").hasValue(Duration.ofMinutes(10));
    }

    @Test
    void retryAfterWhenWindowEndsThenLiftedAndNotBefore() {
        fail(email, address, 3);

        clock.advance(WINDOW.minusSeconds(1));
        assertThat(throttle.retryAfter(email, address)).hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter(email, address)).isEmpty();
    }

    @Test
    void retryAfterWhenAddressLimitReachedThenEveryAccountFromThereIsRefused() {
        for (int account = 0; account < 5; account++) {
            throttle.recordFailure("guess-" + account + "-" + email, address);
        }

        assertThat(throttle.retryAfter("someone-else-" + email, address)).hasValue(WINDOW);
        assertThat(throttle.retryAfter("someone-else-" + email, "10.200.0.1")).isEmpty();
    }

    @Test
    void clearAccountFailuresWhenCalledThenAccountCountGoneButAddressCountKept() {
        fail(email, address, 2);
        for (int account = 0; account < 3; account++) {
            throttle.recordFailure("guess-" + account + "-" + email, address);
        }

        throttle.clearAccountFailures(email);
        throttle.recordFailure(email, address);

        assertThat(throttle.retryAfter(email, "10.200.0.2")).isEmpty();
        assertThat(throttle.retryAfter(email, address)).as("6 failures from the address").hasValue(WINDOW);
    }

    @Test
    void addressBlockWhenIpv6ThenTheSlash64CountsAsOneAddress() {
        assertThat(LoginThrottle.addressBlock("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.addressBlock("2001:db8:1:2:bbbb::2"))
                .isNotEqualTo(LoginThrottle.addressBlock("2001:db8:1:3::1"));
        assertThat(LoginThrottle.addressBlock("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    private void fail(String failingEmail, String fromAddress, int times) {
        for (int failure = 0; failure < times; failure++) {
            throttle.recordFailure(failingEmail, fromAddress);
        }
    }
}
