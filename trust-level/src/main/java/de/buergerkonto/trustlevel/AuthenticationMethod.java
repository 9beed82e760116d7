package de.buergerkonto.trustlevel;

/**
 * Authentication method reference values ({@code amr}) from RFC 8176, section 2, that this
 * system issues.
 */
public enum AuthenticationMethod {

    /** Password-based authentication. */
    PASSWORD("pwd"),
    /** One-time password, here a TOTP code (RFC 6238). */
    ONE_TIME_PASSWORD("otp"),
    /** Proof of possession of a hardware-secured key, here a WebAuthn credential (passkey, security key); the ID card is {@link #SMART_CARD}. */
    HARDWARE_KEY("hwk"),
    /** Personal identification number, here the ID card's PIN. */
    PIN("pin"),
    /** Smart card, here the German ID card (nPA) and eAT. */
    SMART_CARD("sc"),
    /** Multiple-factor authentication. */
    MULTI_FACTOR("mfa");

    private final String amr;

    AuthenticationMethod(String amr) {
        this.amr = amr;
    }

    /** The registered RFC 8176 value. */
    public String amr() {
        return amr;
    }
}
