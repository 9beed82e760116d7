package de.buergerkonto.authserver.eid;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.audit.AccountEvent;
import de.buergerkonto.authserver.audit.AccountEvents;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.trustlevel.Authenticator;
import de.buergerkonto.trustlevel.LoginAssurance;

/**
 * Logging in with the ID card. The account is the one linked to the card's pseudonym; a card
 * seen for the first time creates an account proven high, without email or password. The login
 * is {@link Authenticator#EID}: its level follows the trust-level rule
 * ({@code LoginAssurance.of(proofing, EID)}, high for every card-linked account) and its
 * {@code amr} is {@code ["pin", "sc", "mfa"]} (RFC 8176: {@code sc} the smart card, {@code pin}
 * the PIN that unlocks it, {@code mfa} since these are two independent factors, possession and
 * knowledge). {@code hwk} is not used: it names a hardware key in general, which is how passkeys
 * are reported; {@code sc} tells a service that it was the ID card. {@code auth_time} is when the
 * auth-server accepted the card's answer.
 *
 * <p>Each card login refreshes the stored verified attributes from the chip (a move changes the
 * address on the card).
 */
@Component
@ConditionalOnProperty(EidProperties.ENABLED_BY)
class CardLogin {

    private final AccountRepository accounts;
    private final CardLinks links;
    private final CardPseudonyms pseudonyms;
    private final AccountEvents events;
    private final Clock clock;

    CardLogin(AccountRepository accounts, CardLinks links, CardPseudonyms pseudonyms, AccountEvents events, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.pseudonyms = pseudonyms;
        this.events = events;
        this.clock = clock;
    }

    /** Nobody logged in: the card's account, created on first use. */
    CardOutcome logIn(CardIdentity card) {
        String pseudonym = pseudonyms.of(card.restrictedId());
        Optional<Account> linked = links.accountOf(pseudonym).flatMap(accounts::findById);
        Account account = linked.isPresent() ? linked.get() : create(pseudonym);
        return loggedIn(account, pseudonym, card);
    }

    /** Logged in below high: the card must be the one linked to this account. */
    CardOutcome stepUp(CitizenAuthentication current, CardIdentity card) {
        String pseudonym = pseudonyms.of(card.restrictedId());
        Optional<String> owner = links.accountOf(pseudonym);
        if (owner.isEmpty() || !owner.get().equals(current.accountId())) {
            events.record(AccountEvent.EID_CARD_MISMATCH, current.accountId());
            return new CardOutcome.Refused(CardRefusal.NOT_THE_LINKED_CARD);
        }
        Optional<Account> account = accounts.findById(current.accountId());
        if (account.isEmpty()) {
            return new CardOutcome.Refused(CardRefusal.NOT_THE_LINKED_CARD);
        }
        CardOutcome outcome = loggedIn(account.get(), pseudonym, card);
        if (outcome instanceof CardOutcome.LoggedIn loggedIn) {
            loggedIn.login().setDetails(current.getDetails());
        }
        return outcome;
    }

    private CardOutcome loggedIn(Account account, String pseudonym, CardIdentity card) {
        if (account.status() != AccountStatus.ACTIVE) {
            return new CardOutcome.Refused(CardRefusal.ACCOUNT_NOT_ACTIVE);
        }
        links.saveVerifiedIdentity(account.id(), VerifiedIdentity.fromCard(pseudonym, card));
        events.record(AccountEvent.EID_LOGIN, account.id());
        return new CardOutcome.LoggedIn(cardLogin(account, clock.instant()));
    }

    /** A new account for a card seen for the first time; a concurrent first login of the same card wins or loses atomically. */
    private Account create(String pseudonym) {
        Account created = Account.provenByEid(UUID.randomUUID().toString(), clock.instant());
        accounts.create(created);
        if (!links.claim(pseudonym, created.id())) {
            accounts.delete(created);
            return links.accountOf(pseudonym).flatMap(accounts::findById)
                    .orElseThrow(() -> new IllegalStateException("The card's account vanished while it was created"));
        }
        events.record(AccountEvent.EID_ACCOUNT_CREATED, created.id());
        return created;
    }

    /** The session's login after the card: {@link Authenticator#EID} on this account. */
    static CitizenAuthentication cardLogin(Account account, Instant now) {
        LoginAssurance assurance = LoginAssurance.of(account.identityProofing(), Authenticator.EID);
        return new CitizenAuthentication(account.id(), assurance.methods(), now, assurance.level());
    }
}
