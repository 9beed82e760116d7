package de.buergerkonto.authserver.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The local profile's mail transport: keeps the latest mails in memory for {@code /dev/mailbox}
 * instead of sending them, so the local run needs no SMTP server. Never active in production.
 */
@Component
@Profile("local")
public class DevMailbox implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);
    private static final int CAPACITY = 50;

    private final Deque<ReceivedMail> mails = new ConcurrentLinkedDeque<>();
    private final Clock clock;

    DevMailbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        mails.addFirst(new ReceivedMail(mail, clock.instant()));
        while (mails.size() > CAPACITY) {
            mails.pollLast();
        }
        log.info("mail to {} kept in the dev mailbox at /dev/mailbox", Mailer.recipientHash(mail));
    }

    /** The kept mails, newest first. */
    public List<ReceivedMail> mails() {
        return new ArrayList<>(mails);
    }

    /** A mail as the dev mailbox shows it, with its links to click. */
    public record ReceivedMail(Mail mail, Instant receivedAt) {

        private static final Pattern LINK = Pattern.compile("https?://\\S+");

        public List<String> links() {
            return LINK.matcher(mail.text()).results().map(MatchResult::group).distinct().toList();
        }
    }
}
