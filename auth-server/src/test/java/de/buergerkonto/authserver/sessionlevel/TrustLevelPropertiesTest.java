package de.buergerkonto.authserver.sessionlevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.LevelLifetimes;

class TrustLevelPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void startWhenNothingConfiguredThenTheTr03160Defaults() {
        context.run(started -> assertThat(started.getBean(LevelLifetimes.class)).isEqualTo(LevelLifetimes.defaults()));
    }

    @Test
    void startWhenOneDurationConfiguredThenOnlyThatChanges() {
        context.withPropertyValues("buergerkonto.trust-levels.lifetimes.high.idle=2m").run(started -> assertThat(
                started.getBean(LevelLifetimes.class))
                .isEqualTo(LevelLifetimes.defaults().with(AssuranceLevel.HIGH, Duration.ofMinutes(30), Duration.ofMinutes(2))));
    }

    @Test
    void startWhenLevelConfiguredThenItsLifetimeIsUsed() {
        context.withPropertyValues("buergerkonto.trust-levels.lifetimes.substantial.max=1h",
                "buergerkonto.trust-levels.lifetimes.substantial.idle=15m").run(started -> assertThat(
                        started.getBean(LevelLifetimes.class).of(AssuranceLevel.SUBSTANTIAL))
                .isEqualTo(new LevelLifetimes.Lifetime(Duration.ofHours(1), Duration.ofMinutes(15))));
    }

    @ParameterizedTest(name = "[{index}] {0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "high.idle        | 0s  | buergerkonto.trust-levels.lifetimes.high",
            "low.max          | -1h | buergerkonto.trust-levels.lifetimes.low",
            "substantial.idle | 3h  | idle must not be longer than max",
            "high.max         | 3h  | a stronger trust level must not last longer",
            "basic.idle       | 10m | a stronger trust level must not last longer",
    })
    void startWhenLifetimeInvalidThenFailsNamingIt(String property, String value, String message) {
        context.withPropertyValues("buergerkonto.trust-levels.lifetimes." + property + "=" + value)
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining(message));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TrustLevelProperties.class)
    @Import(LevelLifetimesConfig.class)
    static class Properties {
    }
}
