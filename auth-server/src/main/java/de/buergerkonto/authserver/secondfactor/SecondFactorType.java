package de.buergerkonto.authserver.secondfactor;

/** The kinds of second factor a citizen can enrol; passkeys join later. */
public enum SecondFactorType {
    /** An authenticator app with a shared secret, RFC 6238. */
    TOTP
}
