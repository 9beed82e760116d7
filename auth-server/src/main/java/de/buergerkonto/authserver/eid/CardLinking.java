package de.buergerkonto.authserver.eid;

import java.time.Clock;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.audit.AccountEvent;
import de.buergerkonto.authserver.audit.AccountEvents;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.secondfactor.SecondFactorSessions;
import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Linking a card to the logged-in account:
 * <ul>
 * <li><b>proof</b>: a self-registered account without a card links the card, stores the verified
 * attributes and becomes proven high. A card already linked to another account is refused and
 * audited: accounts are never merged (the citizen logs in with the card instead).</li>
 * <li><b>relink</b>: a new card (new pseudonym) replaces the linked one only after a recent
 * password + second factor login, and only if given names, family name and date of birth are
 * those verified before; the old card's link is released.</li>
 * </ul>
 * The card was just used with its PIN for this account, so the session's login becomes the
 * card login (high), as after a step-up.
 */
@Component
@ConditionalOnProperty(EidProperties.ENABLED_BY)
class CardLinking {

    private final AccountRepository accounts;
    private final CardLinks links;
    private final CardPseudonyms pseudonyms;
    private final AccountEvents events;
    private final Clock clock;

    CardLinking(AccountRepository accounts, CardLinks links, CardPseudonyms pseudonyms, AccountEvents events,
            Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.pseudonyms = pseudonyms;
        this.events = events;
        this.clock = clock;
    }

    CardOutcome prove(CitizenAuthentication current, CardIdentity card) {
        Optional<Account> account = accounts.findById(current.accountId());
        if (account.isEmpty()) {
            return new CardOutcome.Refused(CardRefusal.CARD_OF_ANOTHER_ACCOUNT);
        }
        if (links.hasCard(current.accountId())) {
            return refuse(AccountEvent.EID_CARD_LINK_REFUSED, current, CardRefusal.ALREADY_PROVEN);
        }
        String pseudonym = pseudonyms.of(card.restrictedId());
        if (!links.claim(pseudonym, current.accountId())) {
            return refuse(AccountEvent.EID_CARD_LINK_REFUSED, current, CardRefusal.CARD_OF_ANOTHER_ACCOUNT);
        }
        return linked(account.get(), pseudonym, card, current, AccountEvent.EID_CARD_LINKED);
    }

    CardOutcome relink(CitizenAuthentication current, CardIdentity card) {
        if (!SecondFactorSessions.usedSecondFactorRecently(current, clock.instant())) {
            return refuse(AccountEvent.EID_CARD_RELINK_REFUSED, current, CardRefusal.SECOND_FACTOR_NOT_RECENT);
        }
        Optional<Account> account = accounts.findById(current.accountId());
        Optional<VerifiedIdentity> verified = links.verifiedIdentity(current.accountId());
        if (account.isEmpty() || verified.isEmpty()) {
            return refuse(AccountEvent.EID_CARD_RELINK_REFUSED, current, CardRefusal.NOT_THE_SAME_PERSON);
        }
        if (!verified.get().samePersonAs(card)) {
            return refuse(AccountEvent.EID_CARD_RELINK_REFUSED, current, CardRefusal.NOT_THE_SAME_PERSON);
        }
        String pseudonym = pseudonyms.of(card.restrictedId());
        if (!pseudonym.equals(verified.get().cardPseudonym())) {
            if (!links.claim(pseudonym, current.accountId())) {
                return refuse(AccountEvent.EID_CARD_RELINK_REFUSED, current, CardRefusal.CARD_OF_ANOTHER_ACCOUNT);
            }
            links.release(verified.get().cardPseudonym());
        }
        return linked(account.get(), pseudonym, card, current, AccountEvent.EID_CARD_RELINKED);
    }

    private CardOutcome linked(Account account, String pseudonym, CardIdentity card, CitizenAuthentication current,
            AccountEvent event) {
        links.saveVerifiedIdentity(account.id(), VerifiedIdentity.fromCard(pseudonym, card));
        Account proven = account.withIdentityProofing(AssuranceLevel.HIGH);
        accounts.save(proven);
        events.record(event, account.id());
        CitizenAuthentication login = CardLogin.cardLogin(proven, clock.instant());
        login.setDetails(current.getDetails());
        return new CardOutcome.LoggedIn(login);
    }

    private CardOutcome refuse(AccountEvent event, CitizenAuthentication current, CardRefusal reason) {
        events.record(event, current.accountId());
        return new CardOutcome.Refused(reason);
    }
}
