package de.buergerkonto.trustlevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelLifetimesTest {

    @ParameterizedTest
    @CsvSource({
            "BASIC,       PT12H,  PT60M",
            "LOW,         PT12H,  PT60M",
            "SUBSTANTIAL, PT2H,   PT30M",
            "HIGH,        PT30M,  PT5M"
    })
    void defaultsWhenLevelThenTr03160Limits(AssuranceLevel level, Duration max, Duration idle) {
        assertThat(LevelLifetimes.defaults().of(level)).isEqualTo(new LevelLifetimes.Lifetime(max, idle));
    }

    @ParameterizedTest
    @CsvSource({
            "PT0S,   PT0S",
            "PT1H,   PT0S",
            "-PT1H,  PT5M",
            "PT1H,   -PT5M",
            "PT5M,   PT5M0.001S"
    })
    void lifetimeWhenNotPositiveOrIdleLongerThanMaxThenError(Duration max, Duration idle) {
        assertThatIllegalArgumentException().isThrownBy(() -> new LevelLifetimes.Lifetime(max, idle));
    }

    @Test
    void lifetimeWhenIdleEqualsMaxThenAccepted() {
        assertThat(new LevelLifetimes.Lifetime(Duration.ofMinutes(5), Duration.ofMinutes(5)).idle())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withWhenConfiguredThenOnlyThatLevelChanges() {
        LevelLifetimes lifetimes = LevelLifetimes.defaults().with(AssuranceLevel.HIGH, Duration.ofMinutes(15),
                Duration.ofMinutes(3));

        assertThat(lifetimes.of(AssuranceLevel.HIGH))
                .isEqualTo(new LevelLifetimes.Lifetime(Duration.ofMinutes(15), Duration.ofMinutes(3)));
        assertThat(lifetimes.of(AssuranceLevel.SUBSTANTIAL)).isEqualTo(
                LevelLifetimes.defaults().of(AssuranceLevel.SUBSTANTIAL));
    }

    @Test
    void withWhenStrongerLevelOutlivesWeakerThenErrorNamesBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LevelLifetimes.defaults().with(AssuranceLevel.HIGH, Duration.ofHours(3),
                        Duration.ofMinutes(5)))
                .withMessageContaining("high").withMessageContaining("substantial");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LevelLifetimes.defaults().with(AssuranceLevel.SUBSTANTIAL, Duration.ofHours(2),
                        Duration.ofMinutes(61)))
                .withMessageContaining("substantial").withMessageContaining("low");
    }

    @Test
    void ofWhenLevelMissingThenErrorNamesIt() {
        Map<AssuranceLevel, LevelLifetimes.Lifetime> withoutHigh = new EnumMap<>(AssuranceLevel.class);
        withoutHigh.put(AssuranceLevel.BASIC, LevelLifetimes.defaults().of(AssuranceLevel.BASIC));
        withoutHigh.put(AssuranceLevel.LOW, LevelLifetimes.defaults().of(AssuranceLevel.LOW));
        withoutHigh.put(AssuranceLevel.SUBSTANTIAL, LevelLifetimes.defaults().of(AssuranceLevel.SUBSTANTIAL));

        assertThatIllegalArgumentException().isThrownBy(() -> LevelLifetimes.of(withoutHigh))
                .withMessageContaining("high");
    }
}
