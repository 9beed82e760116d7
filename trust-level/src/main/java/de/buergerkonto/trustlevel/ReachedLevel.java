package de.buergerkonto.trustlevel;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One level a session holds: when it was reached (the {@code auth_time} of tokens at that level,
 * OpenID Connect Core 1.0, section 2) and when it was last used (for the idle timeout of
 * BSI TR-03160-1). Three plain fields, so a session store can keep it as JSON or, like Spring
 * Session's default, with Java serialization.
 */
public record ReachedLevel(AssuranceLevel level, Instant reachedAt, Instant lastUsedAt) implements Serializable {

    public ReachedLevel {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reachedAt, "reachedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if (lastUsedAt.isBefore(reachedAt)) {
            throw new IllegalArgumentException("A level cannot be used before it was reached");
        }
    }

    /** Whether neither the maximum nor the idle time has passed at {@code at}; each ends exactly at its limit. */
    public boolean isValidAt(Instant at, LevelLifetimes.Lifetime lifetime) {
        return at.isBefore(reachedAt.plus(lifetime.max())) && at.isBefore(lastUsedAt.plus(lifetime.idle()));
    }
}
