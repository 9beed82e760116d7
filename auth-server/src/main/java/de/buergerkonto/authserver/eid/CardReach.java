package de.buergerkonto.authserver.eid;

import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;
import de.buergerkonto.trustlevel.Authenticator;
import de.buergerkonto.trustlevel.LoginAssurance;

/** Whether presenting the ID card linked to the account would lift a login to a level (for the step-up). */
@Component
public class CardReach {

    private final CardLinks links;
    private final boolean available;

    CardReach(CardLinks links, EidProperties properties) {
        this.links = links;
        this.available = properties.enabled();
    }

    /** The ID card is offered, the account has a card linked, the login did not use it, and the card reaches {@code needed}. */
    public boolean reaches(CitizenAuthentication login, Account account, AssuranceLevel needed) {
        return available
                && !login.methods().contains(AuthenticationMethod.SMART_CARD)
                && LoginAssurance.of(account.identityProofing(), Authenticator.EID).level().isAtLeast(needed)
                && links.hasCard(account.id());
    }
}
