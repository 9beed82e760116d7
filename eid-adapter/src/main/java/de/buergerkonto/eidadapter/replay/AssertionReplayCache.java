package de.buergerkonto.eidadapter.replay;

import java.time.Duration;

/**
 * Remembers the assertions already consumed, so that each is accepted once (SAML 2.0 profiles,
 * 4.1.4.5: bearer assertions must not be replayed; {@code OneTimeUse}, SAML core 2.5.1.5).
 *
 * <p>Shared by every replica of the adapter: an in-memory cache would let the same response
 * pass once per replica.
 */
public interface AssertionReplayCache {

    /**
     * Records the assertion as used, atomically.
     *
     * @param issuer the assertion's issuer: IDs are unique per issuer only
     * @param assertionId the assertion's {@code ID}
     * @param keepFor how long to remember it: until the assertion could no longer be accepted anyway
     * @return true on first use, false if it was used before
     * @throws ReplayCacheUnavailableException when the cache cannot answer; the caller must refuse
     *         the assertion (fail closed): unable to tell a replay from a first use
     */
    boolean firstUse(String issuer, String assertionId, Duration keepFor) throws ReplayCacheUnavailableException;
}
