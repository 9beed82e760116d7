package de.buergerkonto.eidadapter.session;

/** Redis did not answer (down, or slower than {@code eid-adapter.redis-timeout}); the flow cannot go on. */
public final class SessionStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SessionStoreUnavailableException(Throwable cause) {
        super("The eID session store did not answer", cause);
    }
}
