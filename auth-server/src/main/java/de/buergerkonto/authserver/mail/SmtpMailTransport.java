package de.buergerkonto.authserver.mail;

import org.springframework.context.annotation.Profile;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Delivers mails to the SMTP server configured under {@code spring.mail.*}. Outside the local
 * profile the server is required: without {@code spring.mail.host} the start fails, rather
 * than citizens waiting for links that never come.
 */
@Component
@Profile("!local")
class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final CitizenMailProperties properties;

    SmtpMailTransport(JavaMailSender sender, CitizenMailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void send(Mail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        sender.send(message);
    }
}
