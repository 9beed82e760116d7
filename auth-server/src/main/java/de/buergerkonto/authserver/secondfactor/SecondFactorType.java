package de.buergerkonto.authserver.secondfactor;

import de.buergerkonto.trustlevel.Authenticator;

/** The kinds of second factor a citizen can enrol. */
public enum SecondFactorType {
    /** An authenticator app with a shared secret, RFC 6238. */
    TOTP(Authenticator.TOTP),
    /** A WebAuthn credential, registered with user verification required (a passkey is also a login of its own). */
    PASSKEY(Authenticator.PASSKEY);

    private final Authenticator authenticator;

    SecondFactorType(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** What this kind counts as next to the password, at best. */
    public Authenticator authenticator() {
        return authenticator;
    }
}
