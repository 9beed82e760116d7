package de.buergerkonto.authserver.selfservice;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.emailverification.EmailVerification;
import de.buergerkonto.authserver.mail.CitizenMails;

/**
 * An account created by the ID card adds an email address and a password, as a second way in.
 * As at registration, the answer never tells whether the address has an account already: a
 * free address gets the verification link (the password login works once it is verified), a
 * taken one is told that someone tried, and nothing changes on either account.
 */
@Component
class EmailAndPassword {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final EmailVerification verification;
    private final CitizenMails mails;

    EmailAndPassword(AccountRepository accounts, PasswordEncoder passwordEncoder, EmailVerification verification,
            CitizenMails mails) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.verification = verification;
        this.mails = mails;
    }

    void add(Account account, String email, String password) {
        Account withEmail = account.withEmailAndPassword(email, passwordEncoder.encode(password));
        if (accounts.addEmail(withEmail)) {
            verification.sendLink(withEmail);
        } else {
            mails.sendAlreadyRegistered(withEmail.email());
        }
    }
}
