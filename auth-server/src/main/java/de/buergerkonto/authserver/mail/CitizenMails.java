package de.buergerkonto.authserver.mail;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.web.PublicUrl;

/**
 * The mails the citizen pages send, written in German and then English in one mail: whoever
 * opens the mailbox may not be the person who filled in the form, so the page's language says
 * nothing about the reader's. Texts are the {@code mail.*} messages.
 */
@Component
public class CitizenMails {

    private static final String SEPARATOR = "\n\n---------- English ----------\n\n";

    private final MessageSource messages;
    private final PublicUrl publicUrl;
    private final Mailer mailer;

    public CitizenMails(MessageSource messages, PublicUrl publicUrl, Mailer mailer) {
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.mailer = mailer;
    }

    /** The link that proves control of the mailbox after registration. */
    public void sendEmailVerification(String to, String token) {
        send(to, "mail.verification", publicUrl.link("/verify-email", "token", token));
    }

    /** To the owner of an address someone tried to register again: the only sign of it they get. */
    public void sendAlreadyRegistered(String to) {
        send(to, "mail.already-registered", publicUrl.link("/password-reset"));
    }

    public void sendPasswordReset(String to, String token) {
        send(to, "mail.password-reset", publicUrl.link("/password-reset/new", "token", token));
    }

    /** Tells the owner the password changed, so a reset they did not ask for does not go unnoticed. */
    public void sendPasswordChanged(String to) {
        send(to, "mail.password-changed", publicUrl.link("/password-reset"));
    }

    private void send(String to, String key, String link) {
        Object[] arguments = {link};
        String subject = message(key + ".subject", arguments, Locale.GERMAN) + " / "
                + message(key + ".subject", arguments, Locale.ENGLISH);
        String text = message(key + ".text", arguments, Locale.GERMAN) + SEPARATOR
                + message(key + ".text", arguments, Locale.ENGLISH)
                + "\n\n-- \n" + message("mail.signature", null, Locale.GERMAN);
        mailer.send(new Mail(to, subject, text));
    }

    private String message(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, locale);
    }
}
