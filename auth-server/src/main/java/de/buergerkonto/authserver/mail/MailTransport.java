package de.buergerkonto.authserver.mail;

/** Hands a mail over for delivery: SMTP in production, the dev mailbox in the local profile. */
public interface MailTransport {

    /** Sends synchronously; throws {@link org.springframework.mail.MailException} when it cannot. */
    void send(Mail mail);
}
