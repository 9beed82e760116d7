package de.buergerkonto.authserver.login;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on failed logins ({@code buergerkonto.login-throttle}), after NIST SP 800-63B, section
 * 5.2.2 (rate limiting): at most {@code max-failures} wrong passwords per {@code window}, counted
 * per account and per client address.
 *
 * @param perAccount counted by the email typed, known or not (default 5 per 15 minutes)
 * @param perAddress counted by client IP address, IPv6 by /64 (default 50 per 15 minutes)
 */
@Validated
@ConfigurationProperties("buergerkonto.login-throttle")
public record LoginThrottleProperties(@Valid Limit perAccount, @Valid Limit perAddress) {

    public LoginThrottleProperties {
        perAccount = perAccount == null ? new Limit(5, Duration.ofMinutes(15)) : perAccount;
        perAddress = perAddress == null ? new Limit(50, Duration.ofMinutes(15)) : perAddress;
    }

    /**
     * @param maxFailures failures allowed in one window; the next attempt is refused
     * @param window      length of a counting window, whole minutes
     */
    public record Limit(@Min(1) int maxFailures, Duration window) {

        public Limit {
            window = window == null ? Duration.ofMinutes(15) : window;
        }

        @AssertTrue(message = "the window must be at least one minute and a whole number of minutes")
        public boolean isWindowInWholeMinutes() {
            return window.toMinutes() >= 1 && window.toSecondsPart() == 0 && window.toNanosPart() == 0;
        }
    }
}
