package de.buergerkonto.authserver.mail;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.EmailAddress;
import de.buergerkonto.authserver.security.Sha256;

/**
 * Sends citizens' mails in the background. Pages that may or may not send a mail (registration
 * of a taken address, password reset for an unknown one) must answer in the same time either
 * way, so no page waits for the SMTP server. A mail that cannot be sent is logged, by a hash
 * of the recipient only; the citizen can ask for it again.
 */
@Component
public class Mailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final int QUEUE_CAPACITY = 1000;

    private final MailTransport transport;
    private final ThreadPoolExecutor executor;

    public Mailer(MailTransport transport) {
        this.transport = transport;
        this.executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), new CustomizableThreadFactory("citizen-mail-"));
        executor.allowCoreThreadTimeOut(true);
    }

    public void send(Mail mail) {
        try {
            executor.execute(() -> deliver(mail));
        } catch (RejectedExecutionException e) {
            log.warn("Mail to {} dropped: the mail queue is full", recipientHash(mail));
        }
    }

    private void deliver(Mail mail) {
        try {
            transport.send(mail);
        } catch (MailException e) {
            log.warn("Mail to {} could not be sent: {}", recipientHash(mail), e.getClass().getSimpleName());
        }
    }

    /** Identifies a recipient across log lines without naming them. */
    static String recipientHash(Mail mail) {
        return Sha256.hex(EmailAddress.normalize(mail.to())).substring(0, 16);
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
