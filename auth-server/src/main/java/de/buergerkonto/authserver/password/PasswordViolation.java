package de.buergerkonto.authserver.password;

import java.util.Locale;

/** Why a chosen password is refused; each has a message {@code password.violation.<name>}. */
public enum PasswordViolation {
    TOO_SHORT,
    TOO_LONG,
    COMMON,
    CONTAINS_EMAIL;

    /** The key of the message explaining this violation to the citizen. */
    public String messageKey() {
        return "password.violation." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
