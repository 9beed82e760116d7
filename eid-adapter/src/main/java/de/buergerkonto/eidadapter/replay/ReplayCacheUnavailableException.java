package de.buergerkonto.eidadapter.replay;

/** The replay cache could not answer (Redis down, timeout). */
public final class ReplayCacheUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReplayCacheUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
