package de.buergerkonto.authserver.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;

class SecondFactorSessionsTest {

    private static final Instant AUTH_TIME = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void usedSecondFactorRecentlyWhenExactly30MinutesThenYesAndOneNanosecondLaterNo() {
        CitizenAuthentication login = new CitizenAuthentication("a", List.of(AuthenticationMethod.PASSWORD,
                AuthenticationMethod.ONE_TIME_PASSWORD, AuthenticationMethod.MULTI_FACTOR), AUTH_TIME,
                AssuranceLevel.SUBSTANTIAL);

        assertThat(SecondFactorSessions.usedSecondFactorRecently(login, AUTH_TIME)).isTrue();
        assertThat(SecondFactorSessions.usedSecondFactorRecently(login, AUTH_TIME.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(SecondFactorSessions.usedSecondFactorRecently(login,
                AUTH_TIME.plus(Duration.ofMinutes(30)).plusNanos(1))).isFalse();
    }

    @Test
    void usedSecondFactorRecentlyWhenPasswordOnlyThenNoHoweverFresh() {
        CitizenAuthentication login = new CitizenAuthentication("a", List.of(AuthenticationMethod.PASSWORD),
                AUTH_TIME, AssuranceLevel.LOW);

        assertThat(SecondFactorSessions.usedSecondFactor(login)).isFalse();
        assertThat(SecondFactorSessions.usedSecondFactorRecently(login, AUTH_TIME)).isFalse();
    }
}
