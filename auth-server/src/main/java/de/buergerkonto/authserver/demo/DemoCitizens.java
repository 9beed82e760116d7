package de.buergerkonto.authserver.demo;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.util.encoders.Base32;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.eid.CardLinks;
import de.buergerkonto.authserver.eid.VerifiedIdentity;
import de.buergerkonto.authserver.secondfactor.totp.TotpFactors;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The demo citizens of the local run (README.md), created at start if absent. Only in the
 * profile {@code local}, which the production profile refuses to run with.
 * <ul>
 * <li>Erika Mustermann, {@value #ERIKA_EMAIL}: self-registered, email verified, password only.</li>
 * <li>Max Mustermann, {@value #MAX_EMAIL}: identity proven, with verified data from the source
 * {@value VerifiedIdentity#SOURCE_DEMO_FIXTURE} (MAX MUSTERMANN, born 1980-01-01, living in Hagen;
 * no ID card is linked), released like a card's data under the scopes {@code profile} and
 * {@code address}; and a TOTP app enrolled with the documented secret {@value #MAX_TOTP_SECRET},
 * so that password + code reach "substantial".</li>
 * </ul>
 * Fixed ids keep the demo citizens' pairwise subjects the same across restarts.
 */
@Component
@Profile("local")
class DemoCitizens implements InitializingBean {

    static final String PASSWORD = "Mustermann-2026";
    static final String ERIKA_EMAIL = "erika@example.org";
    static final String ERIKA_ID = "00000000-0000-4000-8000-00000000e71a";
    static final String MAX_EMAIL = "max@example.org";
    static final String MAX_ID = "00000000-0000-4000-8000-000000000a11";
    static final String MAX_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    private final AccountRepository accounts;
    private final CardLinks cardLinks;
    private final TotpFactors totpFactors;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoCitizens(AccountRepository accounts, CardLinks cardLinks, TotpFactors totpFactors, PasswordEncoder passwordEncoder,
            Clock clock) {
        this.accounts = accounts;
        this.cardLinks = cardLinks;
        this.totpFactors = totpFactors;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (accounts.findByEmail(ERIKA_EMAIL).isEmpty()) {
            accounts.create(Account.selfRegistered(ERIKA_ID, ERIKA_EMAIL, passwordEncoder.encode(PASSWORD),
                    clock.instant()).withEmailVerified());
        }
        if (accounts.findByEmail(MAX_EMAIL).isEmpty()) {
            accounts.create(new Account(MAX_ID, MAX_EMAIL, passwordEncoder.encode(PASSWORD), true,
                    AssuranceLevel.HIGH, AccountStatus.ACTIVE, clock.instant()));
            // step 0: no code of the demo secret has been used yet
            totpFactors.add(MAX_ID, "Authenticator-App", Base32.decode(MAX_TOTP_SECRET.toUpperCase(Locale.ROOT)), 0);
        }
        // also for a Max created before the fixture existed; a card he linked since is kept
        if (cardLinks.verifiedIdentity(MAX_ID).isEmpty()) {
            cardLinks.saveDemoFixture(MAX_ID, VerifiedIdentity.demoFixture(clock.instant(), "MAX", "MUSTERMANN", "1980-01-01",
                    Map.of("street_address", "ELBERFELDER STRASSE 12", "postal_code", "58095", "locality", "HAGEN",
                            "country", "D")));
        }
    }
}
