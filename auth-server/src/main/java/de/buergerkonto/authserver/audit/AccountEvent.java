package de.buergerkonto.authserver.audit;

/** What happened to an account, as the audit log will record it; the names are stable identifiers. */
public enum AccountEvent {

    SECOND_FACTOR_ADDED("second-factor-added"),
    SECOND_FACTOR_RENAMED("second-factor-renamed"),
    SECOND_FACTOR_REMOVED("second-factor-removed"),
    SECOND_FACTOR_VERIFIED("second-factor-verified"),
    SECOND_FACTOR_FAILED("second-factor-failed"),
    RECOVERY_CODE_USED("recovery-code-used"),
    RECOVERY_CODES_GENERATED("recovery-codes-generated"),
    EID_ACCOUNT_CREATED("eid-account-created"),
    EID_LOGIN("eid-login"),
    EID_CARD_LINKED("eid-card-linked"),
    EID_CARD_LINK_REFUSED("eid-card-link-refused"),
    EID_CARD_MISMATCH("eid-card-mismatch"),
    EID_CARD_RELINKED("eid-card-relinked"),
    EID_CARD_RELINK_REFUSED("eid-card-relink-refused"),
    PASSKEY_LOGIN("passkey-login"),
    /** A passkey assertion of this account failed a check (signature, origin, user handle, ...). */
    PASSKEY_REFUSED("passkey-refused"),
    /** A passkey's sign count did not rise: the authenticator may have been cloned (WebAuthn Level 2, section 6.1.1). */
    PASSKEY_SIGN_COUNT_REGRESSED("passkey-sign-count-regressed");

    private final String code;

    AccountEvent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
