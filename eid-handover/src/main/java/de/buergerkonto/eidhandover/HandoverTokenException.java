package de.buergerkonto.eidhandover;

import java.util.Objects;

/** A handover token the reader refused; the message never quotes the token. */
public final class HandoverTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which check refused the token. */
    public enum Reason {
        /** Not a compact JWE holding a signed JWT, or a claim of the wrong type. */
        MALFORMED,
        /** A JWE or JWS algorithm, encryption method, content type or {@code typ} we do not accept. */
        ALGORITHM_NOT_ALLOWED,
        /** Not encrypted for our key. */
        DECRYPTION_FAILED,
        /** Not signed by the adapter's key. */
        SIGNATURE_INVALID,
        /** {@code iss} or {@code aud} is not the expected one. */
        WRONG_ISSUER_OR_AUDIENCE,
        /** Before {@code nbf}/{@code iat}, at or after {@code exp} (each with the skew), or valid longer than 60 s. */
        NOT_IN_TIME_WINDOW,
        /** The {@code jti} was accepted before. */
        REPLAYED,
        /** The {@link JtiStore} did not answer. */
        JTI_STORE_UNAVAILABLE
    }

    private final Reason reason;

    HandoverTokenException(Reason reason, String message) {
        this(reason, message, null);
    }

    HandoverTokenException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
