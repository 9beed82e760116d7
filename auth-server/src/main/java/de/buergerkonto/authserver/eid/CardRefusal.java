package de.buergerkonto.authserver.eid;

/** Why a card was not accepted; each has its own citizen page ({@code eid/refused}, {@code data-refusal}). */
enum CardRefusal {
    /** Proof or relink: the card is linked to another account. Accounts are never merged. */
    CARD_OF_ANOTHER_ACCOUNT("card-of-another-account"),
    /** Step-up: the card is not the one linked to the logged-in account. */
    NOT_THE_LINKED_CARD("not-the-linked-card"),
    /** Relink: given names, family name or date of birth differ from the verified ones. */
    NOT_THE_SAME_PERSON("not-the-same-person"),
    /** Proof: the account's identity is proven already (a new card goes through the relink). */
    ALREADY_PROVEN("already-proven"),
    /** Relink: the session did not pass password and second factor recently. */
    SECOND_FACTOR_NOT_RECENT("second-factor-not-recent"),
    /** The account linked to the card is locked. */
    ACCOUNT_NOT_ACTIVE("account-not-active");

    private final String code;

    CardRefusal(String code) {
        this.code = code;
    }

    /** The page's {@code data-refusal} and the message key part. */
    String code() {
        return code;
    }
}
