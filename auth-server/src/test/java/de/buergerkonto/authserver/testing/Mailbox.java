package de.buergerkonto.authserver.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Reads what arrived at the test SMTP server. Mails are sent in the background, so reading waits
 * until the mail is there (GreenMail's blocking wait, no sleeping), up to a few seconds.
 */
public final class Mailbox {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final GreenMailExtension smtp;

    public Mailbox(GreenMailExtension smtp) {
        this.smtp = smtp;
    }

    /** The mails received so far for this address (exact, case-insensitive), oldest first. */
    public List<ReceivedMail> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .map(Mailbox::read)
                .toList();
    }

    /** Waits for the {@code count}-th mail to this address and returns it. */
    public ReceivedMail awaitMail(String address, int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<ReceivedMail> mails = mailsTo(address);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            // blocks until one more mail arrives anywhere, or briefly times out
            smtp.waitForIncomingEmail(500, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No mail number " + count + " to " + address + " within " + PATIENCE);
    }

    public ReceivedMail awaitFirstMail(String address) {
        return awaitMail(address, 1);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            return new ReceivedMail(message.getSubject(), String.valueOf(message.getContent()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A received plain-text mail. */
    public record ReceivedMail(String subject, String text) {

        /** The first link in the mail to this path, e.g. {@code /verify-email}. */
        public String link(String path) {
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                String link = links.group();
                if (URI.create(link).getPath().equals(path)) {
                    return link;
                }
            }
            throw new AssertionError("No link to " + path + " in mail: " + text);
        }
    }
}
