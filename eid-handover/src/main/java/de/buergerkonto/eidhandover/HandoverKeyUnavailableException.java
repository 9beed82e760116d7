package de.buergerkonto.eidhandover;

/** The auth-server's encryption key could not be obtained; the handover fails closed. */
public final class HandoverKeyUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public HandoverKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
