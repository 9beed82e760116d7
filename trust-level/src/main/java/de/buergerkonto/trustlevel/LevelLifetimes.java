package de.buergerkonto.trustlevel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long a reached trust level lasts in a session: at most {@link Lifetime#max()} after it was
 * reached, and no longer than {@link Lifetime#idle()} after it was last used. The defaults are
 * the session limits of BSI TR-03160-1 as BundID applies them: high 30 min / 5 min idle,
 * substantial 2 h / 30 min, basic and low 12 h / 60 min.
 *
 * <p>A stronger level never lasts longer than a weaker one (checked here), so a session that
 * still holds a level also holds every level below it.
 */
public final class LevelLifetimes {

    /** The lifetime of one level; both durations positive, idle not longer than max. */
    public record Lifetime(Duration max, Duration idle) {

        public Lifetime {
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(idle, "idle");
            if (max.isNegative() || max.isZero() || idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("Level lifetimes must be positive, got max " + max + ", idle " + idle);
            }
            if (idle.compareTo(max) > 0) {
                throw new IllegalArgumentException("Idle time " + idle + " is longer than the maximum " + max);
            }
        }
    }

    private static final LevelLifetimes DEFAULTS = of(Map.of(
            AssuranceLevel.BASIC, new Lifetime(Duration.ofHours(12), Duration.ofMinutes(60)),
            AssuranceLevel.LOW, new Lifetime(Duration.ofHours(12), Duration.ofMinutes(60)),
            AssuranceLevel.SUBSTANTIAL, new Lifetime(Duration.ofHours(2), Duration.ofMinutes(30)),
            AssuranceLevel.HIGH, new Lifetime(Duration.ofMinutes(30), Duration.ofMinutes(5))));

    private final Map<AssuranceLevel, Lifetime> lifetimes;

    private LevelLifetimes(Map<AssuranceLevel, Lifetime> lifetimes) {
        this.lifetimes = lifetimes;
    }

    /** The TR-03160-1 limits as BundID applies them. */
    public static LevelLifetimes defaults() {
        return DEFAULTS;
    }

    /** Lifetimes for all four levels; an error names the level that is missing or outlives a weaker one. */
    public static LevelLifetimes of(Map<AssuranceLevel, Lifetime> lifetimes) {
        EnumMap<AssuranceLevel, Lifetime> copy = new EnumMap<>(AssuranceLevel.class);
        for (AssuranceLevel level : AssuranceLevel.values()) {
            Lifetime lifetime = lifetimes.get(level);
            if (lifetime == null) {
                throw new IllegalArgumentException("No lifetime for trust level " + level.shortName());
            }
            copy.put(level, lifetime);
        }
        AssuranceLevel[] levels = AssuranceLevel.values();
        for (int i = 1; i < levels.length; i++) {
            Lifetime stronger = copy.get(levels[i]);
            Lifetime weaker = copy.get(levels[i - 1]);
            if (stronger.max().compareTo(weaker.max()) > 0 || stronger.idle().compareTo(weaker.idle()) > 0) {
                throw new IllegalArgumentException("Trust level " + levels[i].shortName() + " (" + stronger
                        + ") must not last longer than " + levels[i - 1].shortName() + " (" + weaker + ")");
            }
        }
        return new LevelLifetimes(copy);
    }

    /** A copy with one level changed, validated like {@link #of(Map)}. */
    public LevelLifetimes with(AssuranceLevel level, Duration max, Duration idle) {
        EnumMap<AssuranceLevel, Lifetime> changed = new EnumMap<>(lifetimes);
        changed.put(level, new Lifetime(max, idle));
        return of(changed);
    }

    public Lifetime of(AssuranceLevel level) {
        return lifetimes.get(level);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LevelLifetimes that && lifetimes.equals(that.lifetimes);
    }

    @Override
    public int hashCode() {
        return lifetimes.hashCode();
    }

    @Override
    public String toString() {
        return "LevelLifetimes" + lifetimes;
    }
}
