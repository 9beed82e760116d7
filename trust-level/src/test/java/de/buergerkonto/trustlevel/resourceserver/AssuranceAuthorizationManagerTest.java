package de.buergerkonto.trustlevel.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import de.buergerkonto.trustlevel.AssuranceLevel;

class AssuranceAuthorizationManagerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    // token level x required level -> granted or a level challenge
    @ParameterizedTest(name = "token {0}, needs {1} -> granted {2}")
    @CsvSource({
            "BASIC,       BASIC,       true",
            "BASIC,       LOW,         false",
            "LOW,         LOW,         true",
            "LOW,         SUBSTANTIAL, false",
            "SUBSTANTIAL, LOW,         true",
            "SUBSTANTIAL, SUBSTANTIAL, true",
            "SUBSTANTIAL, HIGH,        false",
            "HIGH,        SUBSTANTIAL, true",
            "HIGH,        HIGH,        true"
    })
    void authorizeWhenTokenLevelThenGrantedOnlyAtOrAboveRequired(AssuranceLevel token, AssuranceLevel required,
            boolean granted) {
        AuthorizationResult result = TrustLevel.atLeast(required)
                .authorize(jwt(claims -> claims.put("acr", token.acr())));

        assertThat(result.isGranted()).isEqualTo(granted);
        if (!granted) {
            assertThat(result).isEqualTo(StepUpChallenge.level(required));
        }
    }

    @ParameterizedTest(name = "auth_time {0} s ago -> granted {1}")
    @CsvSource({
            "0,    true",
            "899,  true",
            "900,  true",
            "901,  false",
            // a future auth_time (issuer's clock ahead) counts as fresh; exp bounds the token
            "-30,  true"
    })
    void authorizeWhenAuthTimeThenFreshAtBothEdgesOfMaxAge(long secondsAgo, boolean granted) {
        AuthorizationResult result = substantialWithinFifteenMinutes().authorize(jwt(claims -> {
            claims.put("acr", AssuranceLevel.SUBSTANTIAL.acr());
            claims.put("auth_time", NOW.minusSeconds(secondsAgo).getEpochSecond());
        }));

        assertThat(result.isGranted()).isEqualTo(granted);
        if (!granted) {
            assertThat(result).isEqualTo(StepUpChallenge.freshness(AssuranceLevel.SUBSTANTIAL, FIFTEEN_MINUTES));
        }
    }

    @Test
    void authorizeWhenLevelTooLowAndStaleThenLevelChallenge() {
        AuthorizationResult result = substantialWithinFifteenMinutes().authorize(jwt(claims -> {
            claims.put("acr", AssuranceLevel.LOW.acr());
            claims.put("auth_time", NOW.minus(Duration.ofHours(1)).getEpochSecond());
        }));

        assertThat(result).isEqualTo(StepUpChallenge.level(AssuranceLevel.SUBSTANTIAL));
    }

    @Test
    void authorizeWhenFreshnessRequiredAndNoAuthTimeThenFreshnessChallenge() {
        AuthorizationResult result = substantialWithinFifteenMinutes()
                .authorize(jwt(claims -> claims.put("acr", AssuranceLevel.HIGH.acr())));

        assertThat(result).isEqualTo(StepUpChallenge.freshness(AssuranceLevel.SUBSTANTIAL, FIFTEEN_MINUTES));
    }

    @Test
    void authorizeWhenNoFreshnessRequiredThenAuthTimeIrrelevant() {
        AuthorizationResult result = TrustLevel.atLeast(AssuranceLevel.LOW).withClock(CLOCK).authorize(jwt(claims -> {
            claims.put("acr", AssuranceLevel.LOW.acr());
            claims.put("auth_time", NOW.minus(Duration.ofDays(30)).getEpochSecond());
        }));

        assertThat(result.isGranted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"substantial", "STORK-QAA-Level-4", "http://eidas.europa.eu/LoA/HIGH", "urn:other:gold", ""})
    void authorizeWhenAcrNotCanonicalThenLevelChallenge(String acr) {
        AuthorizationResult result = TrustLevel.atLeast(AssuranceLevel.LOW)
                .authorize(jwt(claims -> claims.put("acr", acr)));

        assertThat(result).isEqualTo(StepUpChallenge.level(AssuranceLevel.LOW));
    }

    @Test
    void authorizeWhenAcrMissingOrNotStringThenLevelChallenge() {
        assertThat(TrustLevel.atLeast(AssuranceLevel.BASIC).authorize(jwt(claims -> { })))
                .isEqualTo(StepUpChallenge.level(AssuranceLevel.BASIC));
        assertThat(TrustLevel.atLeast(AssuranceLevel.BASIC)
                .authorize(jwt(claims -> claims.put("acr", List.of(AssuranceLevel.HIGH.acr())))))
                .isEqualTo(StepUpChallenge.level(AssuranceLevel.BASIC));
    }

    @Test
    void authorizeWhenNotAJwtAuthenticationThenPlainDenial() {
        TestingAuthenticationToken other = new TestingAuthenticationToken("erika", null, "ROLE_USER");
        other.setAuthenticated(true);

        AuthorizationResult result = TrustLevel.atLeast(AssuranceLevel.BASIC).authorize(other);

        assertThat(result.isGranted()).isFalse();
        assertThat(result).isNotInstanceOf(StepUpChallenge.class);
        assertThat(TrustLevel.atLeast(AssuranceLevel.BASIC).authorize(() -> null, new Object()).isGranted()).isFalse();
    }

    @Test
    void authorizeWhenJwtAuthenticationNotAuthenticatedThenPlainDenial() {
        JwtAuthenticationToken unauthenticated = jwt(claims -> claims.put("acr", AssuranceLevel.HIGH.acr()));
        unauthenticated.setAuthenticated(false);

        assertThat(TrustLevel.atLeast(AssuranceLevel.BASIC).authorize(unauthenticated))
                .isNotInstanceOf(StepUpChallenge.class).extracting(AuthorizationResult::isGranted).isEqualTo(false);
    }

    @Test
    void atLeastWhenAcceptedFormThenLevel() {
        assertThat(TrustLevel.atLeast("STORK-QAA-Level-3").authorize(jwt(claims -> claims.put("acr",
                AssuranceLevel.LOW.acr())))).isEqualTo(StepUpChallenge.level(AssuranceLevel.SUBSTANTIAL));
        assertThatIllegalArgumentException().isThrownBy(() -> TrustLevel.atLeast("medium"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PT1S", "PT0.5S"})
    void authenticatedWithinWhenNegativeOrFractionThenError(Duration maxAge) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TrustLevel.atLeast(AssuranceLevel.LOW).authenticatedWithin(maxAge));
    }

    private static AssuranceAuthorizationManager substantialWithinFifteenMinutes() {
        return TrustLevel.atLeast(AssuranceLevel.SUBSTANTIAL).authenticatedWithin(FIFTEEN_MINUTES).withClock(CLOCK);
    }

    private static JwtAuthenticationToken jwt(Consumer<Map<String, Object>> claims) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("pairwise-subject")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(240)).claims(claims).build();
        // as Spring Security's JwtAuthenticationConverter makes it: with authorities, so authenticated
        return new JwtAuthenticationToken(jwt, List.of());
    }
}
