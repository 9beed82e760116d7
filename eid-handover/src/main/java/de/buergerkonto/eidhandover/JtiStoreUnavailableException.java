package de.buergerkonto.eidhandover;

/** The {@link JtiStore} could not answer; a token that cannot be checked for reuse is refused. */
public final class JtiStoreUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public JtiStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
