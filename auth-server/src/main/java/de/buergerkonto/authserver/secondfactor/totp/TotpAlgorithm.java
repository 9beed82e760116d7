package de.buergerkonto.authserver.secondfactor.totp;

/**
 * The HMAC functions RFC 6238 (section 1.2) allows. Enrolment uses {@link #SHA1}: authenticator
 * apps commonly ignore the {@code algorithm} parameter of an {@code otpauth} URI and compute
 * SHA-1 whatever it says, and HOTP's truncation keeps SHA-1 sound here (RFC 4226, appendix A.4).
 */
public enum TotpAlgorithm {

    SHA1("HmacSHA1", "SHA1"),
    SHA256("HmacSHA256", "SHA256"),
    SHA512("HmacSHA512", "SHA512");

    private final String macName;
    private final String uriName;

    TotpAlgorithm(String macName, String uriName) {
        this.macName = macName;
        this.uriName = uriName;
    }

    /** The JCA name of the MAC. */
    String macName() {
        return macName;
    }

    /** The value of the {@code algorithm} parameter of an {@code otpauth} URI. */
    String uriName() {
        return uriName;
    }
}
