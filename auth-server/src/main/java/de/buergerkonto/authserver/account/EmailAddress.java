package de.buergerkonto.authserver.account;

import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The one place that decides when two spellings of an email address are the same account. */
public final class EmailAddress {

    /** RFC 5321, section 4.5.3.1.3: a forward path holds at most 256 octets, the address 254. */
    private static final int MAX_EMAIL_LENGTH = 254;

    private EmailAddress() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** A single plain address (no display name, no group) with a dotted domain; {@code email} normalized. */
    public static boolean isDeliverable(String email) {
        if (email.indexOf('@') < 1 || email.length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(email, true);
            return email.equals(parsed.getAddress()) && parsed.getPersonal() == null
                    && email.substring(email.indexOf('@') + 1).contains(".");
        } catch (AddressException invalid) {
            return false;
        }
    }
}
