package de.buergerkonto.demoservices.shared;

/**
 * A request carries no valid gateway assertion. The message says why, for the log; it never
 * contains the assertion or personal data.
 */
public final class GatewayAssertionException extends Exception {

    private final boolean keysUnavailable;

    GatewayAssertionException(String message, boolean keysUnavailable) {
        super(message);
        this.keysUnavailable = keysUnavailable;
    }

    static GatewayAssertionException invalid(String message) {
        return new GatewayAssertionException(message, false);
    }

    /** True when the gateway's keys could not be read, so the assertion could not be judged at all. */
    public boolean keysUnavailable() {
        return keysUnavailable;
    }
}
