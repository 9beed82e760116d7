package de.buergerkonto.authserver.registration;

import java.time.Clock;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.emailverification.EmailVerification;
import de.buergerkonto.authserver.mail.CitizenMails;

/**
 * Self-registration with email and password. Registration must not tell whether an address
 * already has an account: both cases hash the password, send one mail to the address and end
 * on the same page. A new account gets the verification link; the owner of a taken address is
 * told that someone tried, and how to reset the password if it was them. The existing account
 * is left alone, so nobody can set a password on someone else's address ("pre-hijacking").
 */
@Component
class Registration {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final EmailVerification verification;
    private final CitizenMails mails;
    private final Clock clock;

    Registration(AccountRepository accounts, PasswordEncoder passwordEncoder, EmailVerification verification,
            CitizenMails mails, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.verification = verification;
        this.mails = mails;
        this.clock = clock;
    }

    void register(String email, String password) {
        Account account = Account.selfRegistered(UUID.randomUUID().toString(), email,
                passwordEncoder.encode(password), clock.instant());
        if (accounts.create(account)) {
            verification.sendLink(account);
        } else {
            mails.sendAlreadyRegistered(account.email());
        }
    }
}
