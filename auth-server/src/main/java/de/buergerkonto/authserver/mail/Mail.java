package de.buergerkonto.authserver.mail;

import java.util.Objects;

/**
 * A plain-text mail to a citizen.
 *
 * @param to      the recipient's address
 * @param subject the subject line
 * @param text    the body, plain text
 */
public record Mail(String to, String subject, String text) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
