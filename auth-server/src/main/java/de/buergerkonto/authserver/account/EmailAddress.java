package de.buergerkonto.authserver.account;

import java.util.Locale;

/** The one place that decides when two spellings of an email address are the same account. */
public final class EmailAddress {

    private EmailAddress() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
