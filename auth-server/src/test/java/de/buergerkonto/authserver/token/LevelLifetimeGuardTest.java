package de.buergerkonto.authserver.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;
import de.buergerkonto.trustlevel.LevelLifetimes;

class LevelLifetimeGuardTest {

    private static final Instant LOGIN = Instant.parse("2026-11-28T08:00:00Z");

    @ParameterizedTest(name = "{0}: refresh allowed until {1} after the login, refused from then on")
    @CsvSource({"BASIC, PT12H", "LOW, PT12H", "SUBSTANTIAL, PT2H", "HIGH, PT30M"})
    void generateWhenRefreshAtTheEdgesOfTheLevelsMaximumThenAllowedBeforeAndRefusedAt(AssuranceLevel level,
            Duration max) {
        assertThat(guardAt(LOGIN.plus(max).minusMillis(1)).generate(refresh(level))).isNull();

        assertThatThrownBy(() -> guardAt(LOGIN.plus(max)).generate(refresh(level)))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_grant"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization_code", "client_credentials"})
    void generateWhenOtherGrantLongAfterTheLoginThenNotConcerned(String grant) {
        OAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
                .authorizationGrantType(new AuthorizationGrantType(grant))
                .principal(login(AssuranceLevel.HIGH))
                .build();

        assertThat(guardAt(LOGIN.plus(Duration.ofDays(1))).generate(context)).isNull();
    }

    private static LevelLifetimeGuard guardAt(Instant now) {
        return new LevelLifetimeGuard(LevelLifetimes.defaults(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static OAuth2TokenContext refresh(AssuranceLevel level) {
        return DefaultOAuth2TokenContext.builder()
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .principal(login(level))
                .build();
    }

    private static CitizenAuthentication login(AssuranceLevel level) {
        return new CitizenAuthentication("account-1", List.of(AuthenticationMethod.PASSWORD), LOGIN, level);
    }
}
