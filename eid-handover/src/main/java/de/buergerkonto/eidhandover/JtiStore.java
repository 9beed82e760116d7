package de.buergerkonto.eidhandover;

import java.time.Instant;

/**
 * Remembers the handover tokens already accepted, so that each is accepted once. The auth-server
 * plugs in a store shared by all its replicas (Redis {@code SET NX PX}).
 */
@FunctionalInterface
public interface JtiStore {

    /**
     * Records {@code jti} as used, atomically.
     *
     * @param keepUntil when the token could no longer pass the time checks anyway
     * @return true on first use, false if it was used before
     * @throws JtiStoreUnavailableException when the store cannot answer; the reader then refuses the token
     */
    boolean firstUse(String jti, Instant keepUntil) throws JtiStoreUnavailableException;
}
