package de.buergerkonto.authserver.account;

import java.time.Clock;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo citizen of the local run, created at start if absent: Erika Mustermann,
 * {@value #EMAIL} / {@value #PASSWORD}, email verified. Only in the profile {@code local},
 * which the production profile refuses to run with.
 */
@Component
@Profile("local")
class DemoAccounts implements InitializingBean {

    static final String EMAIL = "erika@example.org";
    static final String PASSWORD = "Mustermann-2026";
    /** A fixed id, so the demo citizen keeps the same pairwise subjects across restarts. */
    static final String ID = "00000000-0000-4000-8000-00000000e71a";

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (accounts.findByEmail(EMAIL).isEmpty()) {
            accounts.create(Account.selfRegistered(ID, EMAIL, passwordEncoder.encode(PASSWORD), clock.instant())
                    .withEmailVerified());
        }
    }
}
