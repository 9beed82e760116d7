package de.buergerkonto.authserver.eid;

import de.buergerkonto.authserver.login.CitizenAuthentication;

/** What a card answer did: the session's new login, or why it was refused (nothing was changed then). */
sealed interface CardOutcome {

    /** The session's login is to be replaced by this one. */
    record LoggedIn(CitizenAuthentication login) implements CardOutcome {
    }

    record Refused(CardRefusal reason) implements CardOutcome {
    }
}
