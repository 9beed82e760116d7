package de.buergerkonto.authserver.passwordreset;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.login.LoginThrottle;
import de.buergerkonto.authserver.mail.CitizenMails;
import de.buergerkonto.authserver.onetimelink.OneTimeLinkTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password reset by a one-time link valid 30 minutes. Asking for a link never tells whether the
 * address has an account. Setting the new password also marks the address verified (the link
 * proved control of the mailbox), lifts the account's failed-login count, and tells the owner.
 */
@Component
class PasswordReset {

    static final Duration LINK_LIFETIME = Duration.ofMinutes(30);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CitizenMails mails;
    private final LoginThrottle loginThrottle;
    private final OneTimeLinkTokens tokens;

    PasswordReset(AccountRepository accounts, PasswordEncoder passwordEncoder, CitizenMails mails,
            LoginThrottle loginThrottle, StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.mails = mails;
        this.loginThrottle = loginThrottle;
        this.tokens = new OneTimeLinkTokens(redis, json, clock, "password-reset", LINK_LIFETIME);
    }

    /** Mails a reset link if the address has an account; otherwise nothing. */
    void requestLink(String email) {
        accounts.findByEmail(email)
                .ifPresent(account -> mails.sendPasswordReset(account.email(), tokens.issue(account.id())));
    }

    /** The account a still valid link belongs to, without using the link up. */
    Optional<Account> accountFor(String token) {
        return tokens.peek(token).flatMap(accounts::findById);
    }

    /** Uses the link up and sets the password; false if the link is unknown, used or expired. */
    boolean setPassword(String token, String newPassword) {
        Optional<Account> account = tokens.consume(token).flatMap(accounts::findById);
        account.ifPresent(found -> {
            accounts.save(found.withPasswordHash(passwordEncoder.encode(newPassword)).withEmailVerified());
            loginThrottle.clearAccountFailures(found.email());
            mails.sendPasswordChanged(found.email());
        });
        return account.isPresent();
    }
}
