package de.buergerkonto.authserver.login;

import java.util.Arrays;
import java.util.Locale;

/** Why a login failed, as far as the citizen may be told: the {@code error} parameter of {@code /login}. */
enum LoginError {
    CREDENTIALS,
    UNVERIFIED,
    LOCKED,
    THROTTLED,
    /** A passkey login failed, whatever the reason (unknown passkey, no user verification, cancelled). */
    PASSKEY;

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    String messageKey() {
        return "login.error." + parameter();
    }

    /** Any other value (Spring Security's bare {@code ?error}) reads as wrong credentials. */
    static LoginError fromParameter(String value) {
        return Arrays.stream(values())
                .filter(error -> error.parameter().equals(value))
                .findFirst()
                .orElse(CREDENTIALS);
    }
}
