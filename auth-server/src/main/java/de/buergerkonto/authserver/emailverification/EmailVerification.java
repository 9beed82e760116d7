package de.buergerkonto.authserver.emailverification;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.mail.CitizenMails;
import de.buergerkonto.authserver.onetimelink.OneTimeLinkTokens;
import tools.jackson.databind.json.JsonMapper;

/** Proves that a citizen controls the mailbox of their account, by a one-time link valid 24 hours. */
@Component
public class EmailVerification {

    static final Duration LINK_LIFETIME = Duration.ofHours(24);

    private final AccountRepository accounts;
    private final CitizenMails mails;
    private final OneTimeLinkTokens tokens;

    public EmailVerification(AccountRepository accounts, CitizenMails mails, StringRedisTemplate redis,
            JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.mails = mails;
        this.tokens = new OneTimeLinkTokens(redis, json, clock, "verify-email", LINK_LIFETIME);
    }

    /** Mails a new verification link to the account's address. */
    public void sendLink(Account account) {
        mails.sendEmailVerification(account.email(), tokens.issue(account.id()));
    }

    /**
     * Sends a new link if the address belongs to an active account that is not verified yet;
     * otherwise nothing. The caller shows the same page either way.
     */
    public void resend(String email) {
        accounts.findByEmail(email)
                .filter(account -> !account.emailVerified() && account.status() == AccountStatus.ACTIVE)
                .ifPresent(this::sendLink);
    }

    /** Whether the link still works, without using it up (the page asks before it verifies). */
    public boolean isValid(String token) {
        return tokens.peek(token).flatMap(accounts::findById).isPresent();
    }

    /** Uses the link up and marks the address verified; empty if the link is unknown, used or expired. */
    public Optional<Account> verify(String token) {
        return tokens.consume(token)
                .flatMap(accounts::findById)
                .map(account -> {
                    Account verified = account.withEmailVerified();
                    accounts.save(verified);
                    return verified;
                });
    }
}
