package de.buergerkonto.authserver.login;

import java.io.Serial;
import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this account or client address; refused before the password is checked. */
public final class LoginThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins");
        this.retryAfter = retryAfter;
    }

    /** How long until the window with too many failures ends. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
