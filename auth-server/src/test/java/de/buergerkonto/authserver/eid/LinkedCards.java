package de.buergerkonto.authserver.eid;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationContext;

import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** For tests in other packages: which account a card (raw pseudonym) is linked to, as the server stores it. */
public final class LinkedCards {

    private final CardLinks links;
    private final CardPseudonyms pseudonyms;
    private final AccountRepository accounts;

    public LinkedCards(ApplicationContext context) {
        this.links = context.getBean(CardLinks.class);
        this.pseudonyms = context.getBean(CardPseudonyms.class);
        this.accounts = context.getBean(AccountRepository.class);
    }

    public Optional<String> accountOf(String restrictedId) {
        return links.accountOf(pseudonyms.of(restrictedId));
    }

    public Optional<VerifiedIdentity> verifiedIdentity(String accountId) {
        return links.verifiedIdentity(accountId);
    }

    /** Forgets the card's link, so a test can use a simulated card whose pseudonym other tests linked before. */
    public void release(String restrictedId) {
        links.release(pseudonyms.of(restrictedId));
    }

    /** Links the card to the account as a proof with it would (Erika's data), and marks the account proven high. */
    public void link(String accountId, String restrictedId, Instant verifiedAt) {
        String pseudonym = pseudonyms.of(restrictedId);
        if (!links.claim(pseudonym, accountId)) {
            throw new IllegalStateException("The card is linked already");
        }
        links.saveVerifiedIdentity(accountId, new VerifiedIdentity(pseudonym, VerifiedIdentity.SOURCE_EID, verifiedAt,
                "ERIKA", "MUSTERMANN", "GABLER", "1964-08-12", Map.of("formatted", "BERLIN"), Map.of(), "D", "ID", "D"));
        accounts.save(accounts.findById(accountId).orElseThrow().withIdentityProofing(AssuranceLevel.HIGH));
    }
}
