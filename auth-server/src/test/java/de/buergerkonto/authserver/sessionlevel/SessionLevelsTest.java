package de.buergerkonto.authserver.sessionlevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;
import de.buergerkonto.trustlevel.LevelLifetimes;

class SessionLevelsTest {

    private static final List<AuthenticationMethod> PASSWORD = List.of(AuthenticationMethod.PASSWORD);
    private static final List<AuthenticationMethod> PASSWORD_AND_TOTP = List.of(AuthenticationMethod.PASSWORD,
            AuthenticationMethod.ONE_TIME_PASSWORD, AuthenticationMethod.MULTI_FACTOR);

    private final Instant start = Instant.parse("2026-11-28T10:00:00Z");
    private final MutableClock clock = new MutableClock(start);
    private final SessionLevels sessionLevels = new SessionLevels(LevelLifetimes.defaults(), clock);
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void useWhenLevelStillValidThenTheLoginItself() {
        CitizenAuthentication login = login("erika", PASSWORD_AND_TOTP, start, AssuranceLevel.SUBSTANTIAL);

        assertThat(sessionLevels.use(session, login)).containsSame(login);
    }

    @Test
    void useWhenLevelExpiredThenSameLoginAtTheFallbackLevelWithItsAuthTime() {
        CitizenAuthentication login = login("erika", PASSWORD_AND_TOTP, start, AssuranceLevel.SUBSTANTIAL);
        sessionLevels.use(session, login);
        clock.set(start.plus(Duration.ofMinutes(30)));

        assertThat(sessionLevels.use(session, login))
                .contains(login("erika", PASSWORD_AND_TOTP, start, AssuranceLevel.LOW));
    }

    @Test
    void useWhenStepUpAfterFallbackThenHigherLevelHeldFromTheStepUp() {
        CitizenAuthentication login = login("erika", PASSWORD_AND_TOTP, start, AssuranceLevel.SUBSTANTIAL);
        sessionLevels.use(session, login);
        clock.set(start.plus(Duration.ofMinutes(30)));
        CitizenAuthentication fallback = sessionLevels.use(session, login).orElseThrow();
        Instant steppedUp = start.plus(Duration.ofMinutes(31));
        clock.set(steppedUp);
        CitizenAuthentication stepUp = login("erika", PASSWORD_AND_TOTP, steppedUp, AssuranceLevel.SUBSTANTIAL);

        assertThat(fallback.level()).isEqualTo(AssuranceLevel.LOW);
        assertThat(sessionLevels.use(session, stepUp)).containsSame(stepUp);
    }

    @Test
    void useWhenNewPasswordLoginAfterSecondFactorThenLevelsStartAfresh() {
        sessionLevels.use(session, login("erika", PASSWORD_AND_TOTP, start, AssuranceLevel.SUBSTANTIAL));
        Instant later = start.plus(Duration.ofMinutes(10));
        clock.set(later);
        CitizenAuthentication again = login("erika", PASSWORD, later, AssuranceLevel.LOW);

        assertThat(sessionLevels.use(session, again)).containsSame(again);
    }

    @Test
    void useWhenAnotherAccountLogsInThenNothingOfTheFirstIsKept() {
        sessionLevels.use(session, login("erika", PASSWORD_AND_TOTP, start, AssuranceLevel.SUBSTANTIAL));
        CitizenAuthentication max = login("max", PASSWORD_AND_TOTP, start, AssuranceLevel.BASIC);

        assertThat(sessionLevels.use(session, max)).containsSame(max);
    }

    @Test
    void useWhenNoLevelLeftThenEmptyAndNothingStored() {
        CitizenAuthentication login = login("erika", PASSWORD, start, AssuranceLevel.LOW);
        sessionLevels.use(session, login);
        clock.set(start.plus(Duration.ofMinutes(60)));

        assertThat(sessionLevels.use(session, login)).isEmpty();
        assertThat(session.getAttribute(SessionLevels.ATTRIBUTE)).isNull();
    }

    @Test
    void storedFormSurvivesJavaSerializationAsSpringSessionStoresIt() throws Exception {
        sessionLevels.use(session, login("erika", PASSWORD_AND_TOTP, start, AssuranceLevel.SUBSTANTIAL));
        Object stored = session.getAttribute(SessionLevels.ATTRIBUTE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(stored);
        }

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(stored);
        }
    }

    private static CitizenAuthentication login(String accountId, List<AuthenticationMethod> methods, Instant authTime,
            AssuranceLevel level) {
        return new CitizenAuthentication(accountId, methods, authTime, level);
    }
}
