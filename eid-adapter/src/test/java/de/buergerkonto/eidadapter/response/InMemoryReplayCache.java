package de.buergerkonto.eidadapter.response;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import de.buergerkonto.eidadapter.replay.AssertionReplayCache;

/** A replay cache for tests that do not test replay; the Redis one is tested against real Redis. */
final class InMemoryReplayCache implements AssertionReplayCache {

    private final Set<String> used = new HashSet<>();

    @Override
    public synchronized boolean firstUse(String issuer, String assertionId, Duration keepFor) {
        return used.add(issuer + "\n" + assertionId);
    }
}
