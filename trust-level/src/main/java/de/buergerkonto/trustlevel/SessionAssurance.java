package de.buergerkonto.trustlevel;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The trust levels a citizen's session holds, each with when it was reached and last used, and
 * the session's current level: the highest whose maximum and idle time (BSI TR-03160-1, as
 * BundID applies it; {@link LevelLifetimes}) have not passed. Past a level's time the session
 * falls back to what is still valid, and a service needing more triggers step-up again, so an
 * elevated level never outlives its lifetime within a session.
 *
 * <p>Immutable: every change returns a new value. To store it, keep {@link #levels()} (plain
 * fields) and {@link #restore restore} it with the lifetimes configured at that time.
 */
public final class SessionAssurance {

    private final LevelLifetimes lifetimes;
    private final Map<AssuranceLevel, ReachedLevel> levels;

    private SessionAssurance(LevelLifetimes lifetimes, Map<AssuranceLevel, ReachedLevel> levels) {
        this.lifetimes = lifetimes;
        this.levels = levels;
    }

    /** A session before any login. */
    public static SessionAssurance empty(LevelLifetimes lifetimes) {
        return new SessionAssurance(Objects.requireNonNull(lifetimes, "lifetimes"), new EnumMap<>(AssuranceLevel.class));
    }

    /** A stored session, judged by the lifetimes given now (a changed configuration applies at once). */
    public static SessionAssurance restore(LevelLifetimes lifetimes, Collection<ReachedLevel> levels) {
        EnumMap<AssuranceLevel, ReachedLevel> map = new EnumMap<>(AssuranceLevel.class);
        levels.forEach(reached -> map.put(reached.level(), reached));
        return new SessionAssurance(Objects.requireNonNull(lifetimes, "lifetimes"), map);
    }

    /**
     * The session after a login or step-up reaching {@code level} at {@code at}. A level reached
     * implies every lower one was reached at that time; stronger levels held already stay as they are.
     */
    public SessionAssurance reach(AssuranceLevel level, Instant at) {
        EnumMap<AssuranceLevel, ReachedLevel> changed = new EnumMap<>(levels);
        for (AssuranceLevel reached : AssuranceLevel.values()) {
            if (level.isAtLeast(reached)) {
                ReachedLevel before = changed.get(reached);
                // a reach never moves a time backwards, e.g. when two replicas' clocks differ slightly
                Instant reachedAt = before == null ? at : later(before.reachedAt(), at);
                Instant lastUsedAt = before == null ? at : later(before.lastUsedAt(), reachedAt);
                changed.put(reached, new ReachedLevel(reached, reachedAt, lastUsedAt));
            }
        }
        return new SessionAssurance(lifetimes, changed);
    }

    /**
     * The session after being used at {@code at}: the idle timers of the levels still valid start
     * again; expired levels are dropped, so using a session never revives them.
     */
    public SessionAssurance touch(Instant at) {
        EnumMap<AssuranceLevel, ReachedLevel> changed = new EnumMap<>(AssuranceLevel.class);
        levels.values().stream().filter(reached -> isValid(reached, at)).forEach(reached -> changed.put(
                reached.level(), new ReachedLevel(reached.level(), reached.reachedAt(), later(reached.lastUsedAt(), at))));
        return new SessionAssurance(lifetimes, changed);
    }

    /** The highest level whose maximum and idle time have not passed at {@code at}; empty when none is left. */
    public Optional<AssuranceLevel> currentLevel(Instant at) {
        return Arrays.stream(AssuranceLevel.values())
                .filter(level -> levels.containsKey(level) && isValid(levels.get(level), at))
                .reduce((lower, higher) -> higher);
    }

    /** Whether the session holds at least {@code required} at {@code at}. */
    public boolean holds(AssuranceLevel required, Instant at) {
        return currentLevel(at).map(current -> current.isAtLeast(required)).orElse(false);
    }

    /**
     * When {@code level} was last reached: the {@code auth_time} of a token issued at that level.
     * Says nothing about validity; ask {@link #currentLevel(Instant)} for that.
     */
    public Optional<Instant> authTimeFor(AssuranceLevel level) {
        return Optional.ofNullable(levels.get(level)).map(ReachedLevel::reachedAt);
    }

    /**
     * Whether the current level was reached no more than {@code maxAge} before {@code at}: an
     * OpenID Connect {@code max_age} (Core 1.0, section 3.1.2.1) re-authenticates only when the
     * elapsed time is greater, so exactly {@code maxAge} is still fresh.
     */
    public boolean isFresh(Duration maxAge, Instant at) {
        return currentLevel(at).flatMap(this::authTimeFor)
                .map(authTime -> !at.isAfter(authTime.plus(maxAge)))
                .orElse(false);
    }

    /** The stored form: one entry per level held, weakest first. */
    public List<ReachedLevel> levels() {
        return List.copyOf(levels.values());
    }

    private boolean isValid(ReachedLevel reached, Instant at) {
        return reached.isValidAt(at, lifetimes.of(reached.level()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionAssurance that && lifetimes.equals(that.lifetimes) && levels.equals(that.levels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lifetimes, levels);
    }

    @Override
    public String toString() {
        return "SessionAssurance" + levels.values();
    }
}
