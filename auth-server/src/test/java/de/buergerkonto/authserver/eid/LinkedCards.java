package de.buergerkonto.authserver.eid;

import java.util.Optional;

import org.springframework.context.ApplicationContext;

/** For tests in other packages: which account a card (raw pseudonym) is linked to, as the server stores it. */
public final class LinkedCards {

    private final CardLinks links;
    private final CardPseudonyms pseudonyms;

    public LinkedCards(ApplicationContext context) {
        this.links = context.getBean(CardLinks.class);
        this.pseudonyms = context.getBean(CardPseudonyms.class);
    }

    public Optional<String> accountOf(String restrictedId) {
        return links.accountOf(pseudonyms.of(restrictedId));
    }

    public Optional<VerifiedIdentity> verifiedIdentity(String accountId) {
        return links.verifiedIdentity(accountId);
    }
}
