package de.buergerkonto.authserver.eid;

import de.buergerkonto.eidhandover.Purpose;

/**
 * Why this session sent the citizen to the ID card; kept with the one-time {@code state}, so the
 * callback knows what the answer is for. The adapter knows only the {@link Purpose}.
 */
enum EidIntent {
    /** Log in (or create the account) with the card, nobody logged in yet. */
    LOGIN(Purpose.LOGIN),
    /** The logged-in account needs high: the card linked to it must be presented. */
    STEP_UP(Purpose.LOGIN),
    /** Prove the logged-in self-registered account's identity: link the card. */
    PROOF(Purpose.PROOF),
    /** Replace the linked card by a new one (a new pseudonym), after password and second factor. */
    RELINK(Purpose.PROOF);

    private final Purpose purpose;

    EidIntent(Purpose purpose) {
        this.purpose = purpose;
    }

    Purpose purpose() {
        return purpose;
    }
}
