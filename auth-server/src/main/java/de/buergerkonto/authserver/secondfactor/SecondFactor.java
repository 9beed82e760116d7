package de.buergerkonto.authserver.secondfactor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A second factor of an account, as the citizen sees it in the list: a random id, the kind,
 * the name the citizen gave it, and when it was added and last used. Secrets are kept apart,
 * by the package of their kind.
 *
 * @param lastUsedAt null until the factor is used for the first time after its enrolment
 */
public record SecondFactor(String id, SecondFactorType type, String name, Instant createdAt, Instant lastUsedAt) {

    /** Longest name the management page accepts. */
    public static final int MAX_NAME_LENGTH = 40;

    public SecondFactor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsedAt);
    }
}
