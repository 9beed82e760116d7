package de.buergerkonto.trustlevel;

import static de.buergerkonto.trustlevel.AssuranceLevel.BASIC;
import static de.buergerkonto.trustlevel.AssuranceLevel.HIGH;
import static de.buergerkonto.trustlevel.AssuranceLevel.LOW;
import static de.buergerkonto.trustlevel.AssuranceLevel.SUBSTANTIAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class SessionAssuranceTest {

    private static final Instant LOGIN = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration MILLI = Duration.ofMillis(1);

    private final LevelLifetimes lifetimes = LevelLifetimes.defaults();

    // every level's maximum at both edges, the session kept busy so that no idle time passes;
    // "NONE": nothing is left after the level ends (basic and low end together)
    @ParameterizedTest(name = "{0} ends after {1}, falls back to {2}")
    @CsvSource({
            "HIGH,        PT30M, SUBSTANTIAL",
            "SUBSTANTIAL, PT2H,  LOW",
            "LOW,         PT12H, NONE",
            "BASIC,       PT12H, NONE"
    })
    void currentLevelWhenMaximumReachedThenFallsBack(AssuranceLevel level, Duration max, String fallback) {
        SessionAssurance session = busyUntil(SessionAssurance.empty(lifetimes).reach(level, LOGIN), LOGIN.plus(max));

        assertThat(session.currentLevel(LOGIN.plus(max).minus(MILLI))).contains(level);
        assertThat(session.currentLevel(LOGIN.plus(max))).isEqualTo(level(fallback));
    }

    // every level's idle time at both edges, after one use that restarted it
    @ParameterizedTest(name = "{0} idle for {1}, falls back to {2}")
    @CsvSource({
            "HIGH,        PT5M,  SUBSTANTIAL",
            "SUBSTANTIAL, PT30M, LOW",
            "LOW,         PT60M, NONE",
            "BASIC,       PT60M, NONE"
    })
    void currentLevelWhenIdleTimeReachedThenFallsBack(AssuranceLevel level, Duration idle, String fallback) {
        Instant used = LOGIN.plus(Duration.ofMinutes(2));
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(level, LOGIN).touch(used);

        assertThat(session.currentLevel(used.plus(idle).minus(MILLI))).contains(level);
        assertThat(session.currentLevel(used.plus(idle))).isEqualTo(level(fallback));
    }

    @ParameterizedTest(name = "{0} idle for {1} without use")
    @CsvSource({
            "HIGH,        PT5M",
            "SUBSTANTIAL, PT30M",
            "LOW,         PT60M",
            "BASIC,       PT60M"
    })
    void touchWhenAtIdleLimitThenLevelNotRevived(AssuranceLevel level, Duration idle) {
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(level, LOGIN);

        assertThat(session.touch(LOGIN.plus(idle).minus(MILLI)).currentLevel(LOGIN.plus(idle))).contains(level);
        assertThat(session.touch(LOGIN.plus(idle)).currentLevel(LOGIN.plus(idle))).isNotEqualTo(Optional.of(level));
        assertThat(session.touch(LOGIN.plus(idle)).levels()).extracting(ReachedLevel::level).doesNotContain(level);
    }

    @Test
    void currentLevelWhenConfiguredLifetimesThenTheyApply() {
        LevelLifetimes shorter = lifetimes.with(HIGH, Duration.ofMinutes(10), Duration.ofMinutes(2));
        SessionAssurance session = SessionAssurance.empty(shorter).reach(HIGH, LOGIN);

        assertThat(session.currentLevel(LOGIN.plus(Duration.ofMinutes(2)).minus(MILLI))).contains(HIGH);
        assertThat(session.currentLevel(LOGIN.plus(Duration.ofMinutes(2)))).contains(SUBSTANTIAL);
    }

    @Test
    void reachWhenHigherLevelThenLowerLevelsReachedAtThatTime() {
        Instant stepUp = LOGIN.plus(Duration.ofMinutes(20));
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(LOW, LOGIN).reach(HIGH, stepUp);

        assertThat(session.authTimeFor(BASIC)).contains(stepUp);
        assertThat(session.authTimeFor(LOW)).contains(stepUp);
        assertThat(session.authTimeFor(SUBSTANTIAL)).contains(stepUp);
        assertThat(session.authTimeFor(HIGH)).contains(stepUp);
        // the password login's 12 h now count from the step-up
        assertThat(session.currentLevel(LOGIN.plus(Duration.ofHours(12)))).isEmpty();
        assertThat(busyUntil(session, stepUp.plus(Duration.ofHours(12))).currentLevel(LOGIN.plus(Duration.ofHours(12))))
                .contains(LOW);
    }

    @Test
    void reachWhenLowerLevelAgainThenStrongerLevelKeepsItsTime() {
        Instant passwordAgain = LOGIN.plus(Duration.ofMinutes(3));
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(HIGH, LOGIN).reach(LOW, passwordAgain);

        assertThat(session.authTimeFor(HIGH)).contains(LOGIN);
        assertThat(session.authTimeFor(LOW)).contains(passwordAgain);
        assertThat(session.currentLevel(passwordAgain)).contains(HIGH);
    }

    @Test
    void authTimeForWhenLevelNeverReachedThenEmpty() {
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(LOW, LOGIN);

        assertThat(session.authTimeFor(SUBSTANTIAL)).isEmpty();
        assertThat(SessionAssurance.empty(lifetimes).currentLevel(LOGIN)).isEmpty();
    }

    @Test
    void isFreshWhenMaxAgeThenBothEdgesOfTheCurrentLevelsAuthTime() {
        Duration maxAge = Duration.ofMinutes(15);
        SessionAssurance session = busyUntil(SessionAssurance.empty(lifetimes).reach(SUBSTANTIAL, LOGIN),
                LOGIN.plus(Duration.ofMinutes(16)));

        assertThat(session.isFresh(maxAge, LOGIN.plus(maxAge))).isTrue();
        assertThat(session.isFresh(maxAge, LOGIN.plus(maxAge).plus(MILLI))).isFalse();
        assertThat(session.isFresh(Duration.ZERO, LOGIN)).isTrue();
        assertThat(session.isFresh(Duration.ZERO, LOGIN.plus(MILLI))).isFalse();
    }

    @Test
    void isFreshWhenNoLevelLeftThenFalse() {
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(BASIC, LOGIN);

        assertThat(session.isFresh(Duration.ofDays(1), LOGIN.plus(Duration.ofMinutes(60)))).isFalse();
    }

    @Test
    void holdsWhenCurrentLevelHigherThenLowerRequirementsMet() {
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(SUBSTANTIAL, LOGIN);

        assertThat(session.holds(LOW, LOGIN)).isTrue();
        assertThat(session.holds(SUBSTANTIAL, LOGIN)).isTrue();
        assertThat(session.holds(HIGH, LOGIN)).isFalse();
    }

    @Test
    void restoreWhenStoredLevelsThenSameSession() {
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(LOW, LOGIN).reach(HIGH, LOGIN.plusSeconds(60))
                .touch(LOGIN.plusSeconds(90));

        List<ReachedLevel> stored = session.levels();

        assertThat(stored).extracting(ReachedLevel::level).containsExactly(BASIC, LOW, SUBSTANTIAL, HIGH);
        assertThat(SessionAssurance.restore(lifetimes, stored)).isEqualTo(session);
    }

    @Test
    void levelsWhenWrittenAsJsonThenReadBackToTheSameSession() {
        SessionAssurance session = SessionAssurance.empty(lifetimes).reach(SUBSTANTIAL, LOGIN).touch(LOGIN.plusSeconds(42));
        JsonMapper json = JsonMapper.builder().build();

        String stored = json.writeValueAsString(session.levels());
        List<ReachedLevel> read = json.readValue(stored, new TypeReference<List<ReachedLevel>>() { });

        assertThat(stored).contains("\"level\":\"SUBSTANTIAL\"").contains("\"reachedAt\"").contains("\"lastUsedAt\"");
        assertThat(SessionAssurance.restore(lifetimes, read)).isEqualTo(session);
    }

    private static SessionAssurance busyUntil(SessionAssurance session, Instant end) {
        // a use every minute, so that only the maximum can end a level
        SessionAssurance used = session;
        for (Instant at = LOGIN; at.isBefore(end); at = at.plus(Duration.ofMinutes(1))) {
            used = used.touch(at);
        }
        return used;
    }

    private static Optional<AssuranceLevel> level(String name) {
        return "NONE".equals(name) ? Optional.empty() : Optional.of(AssuranceLevel.valueOf(name));
    }
}
