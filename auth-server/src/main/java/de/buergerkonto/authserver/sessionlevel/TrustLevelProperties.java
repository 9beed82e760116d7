package de.buergerkonto.authserver.sessionlevel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.LevelLifetimes;

/**
 * How long each trust level lasts in a session ({@code buergerkonto.trust-levels.lifetimes.<level>.max|idle}).
 * A level or a duration left out keeps the default of BSI TR-03160-1 as BundID applies it
 * ({@link LevelLifetimes#defaults()}). Checked at startup: both durations positive, idle not
 * longer than max, and a stronger level never lasting longer than a weaker one.
 *
 * @param lifetimes per level: {@code basic}, {@code low}, {@code substantial}, {@code high}
 */
@Validated
@ConfigurationProperties("buergerkonto.trust-levels")
public record TrustLevelProperties(@Valid Lifetimes lifetimes) {

    public TrustLevelProperties {
        lifetimes = lifetimes == null ? new Lifetimes(null, null, null, null) : lifetimes;
    }

    /** The configured lifetimes as the trust-level library takes them. */
    public LevelLifetimes levelLifetimes() {
        return LevelLifetimes.of(lifetimes.byLevel());
    }

    public record Lifetimes(@Valid Lifetime basic, @Valid Lifetime low, @Valid Lifetime substantial,
            @Valid Lifetime high) {

        public Lifetimes {
            basic = Lifetime.orDefault(basic, AssuranceLevel.BASIC);
            low = Lifetime.orDefault(low, AssuranceLevel.LOW);
            substantial = Lifetime.orDefault(substantial, AssuranceLevel.SUBSTANTIAL);
            high = Lifetime.orDefault(high, AssuranceLevel.HIGH);
        }

        @AssertTrue(message = "a stronger trust level must not last longer (max or idle) than a weaker one")
        public boolean isStrongerNeverLongerThanWeaker() {
            List<Lifetime> weakestFirst = List.of(basic, low, substantial, high);
            for (int i = 1; i < weakestFirst.size(); i++) {
                Lifetime stronger = weakestFirst.get(i);
                Lifetime weaker = weakestFirst.get(i - 1);
                if (stronger.max().compareTo(weaker.max()) > 0 || stronger.idle().compareTo(weaker.idle()) > 0) {
                    return false;
                }
            }
            return true;
        }

        Map<AssuranceLevel, LevelLifetimes.Lifetime> byLevel() {
            return Map.of(AssuranceLevel.BASIC, basic.toLifetime(), AssuranceLevel.LOW, low.toLifetime(),
                    AssuranceLevel.SUBSTANTIAL, substantial.toLifetime(), AssuranceLevel.HIGH, high.toLifetime());
        }
    }

    /**
     * @param max  how long after it was reached the level ends, however much it is used
     * @param idle how long after its last use the level ends
     */
    public record Lifetime(Duration max, Duration idle) {

        static Lifetime orDefault(Lifetime configured, AssuranceLevel level) {
            LevelLifetimes.Lifetime fallback = LevelLifetimes.defaults().of(level);
            if (configured == null) {
                return new Lifetime(fallback.max(), fallback.idle());
            }
            return new Lifetime(configured.max() == null ? fallback.max() : configured.max(),
                    configured.idle() == null ? fallback.idle() : configured.idle());
        }

        @AssertTrue(message = "max and idle must both be positive")
        public boolean isPositive() {
            return !max.isNegative() && !max.isZero() && !idle.isNegative() && !idle.isZero();
        }

        @AssertTrue(message = "idle must not be longer than max")
        public boolean isIdleWithinMax() {
            return idle.compareTo(max) <= 0;
        }

        LevelLifetimes.Lifetime toLifetime() {
            return new LevelLifetimes.Lifetime(max, idle);
        }
    }
}
