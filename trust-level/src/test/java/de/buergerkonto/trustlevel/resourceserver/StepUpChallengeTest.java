package de.buergerkonto.trustlevel.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.buergerkonto.trustlevel.AssuranceLevel;

class StepUpChallengeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "BASIC       | urn:buergerkonto:loa:basic http://eidas.europa.eu/LoA/low http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high",
            "LOW         | http://eidas.europa.eu/LoA/low http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high",
            "SUBSTANTIAL | http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high",
            "HIGH        | http://eidas.europa.eu/LoA/high"
    })
    void acrValuesWhenRequiredLevelThenItAndHigherOnesNeededFirst(AssuranceLevel required, String expected) {
        assertThat(StepUpChallenge.level(required).acrValues()).isEqualTo(expected);
    }

    @Test
    void wwwAuthenticateWhenLevelTooLowThenRfc9470ChallengeWithoutMaxAge() {
        assertThat(StepUpChallenge.level(AssuranceLevel.SUBSTANTIAL).wwwAuthenticate()).isEqualTo(
                "Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"A different authentication level is required\", "
                        + "acr_values=\"http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high\"");
    }

    @Test
    void wwwAuthenticateWhenTooOldThenMaxAgeInSeconds() {
        assertThat(StepUpChallenge.freshness(AssuranceLevel.HIGH, Duration.ofMinutes(5)).wwwAuthenticate()).isEqualTo(
                "Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"More recent authentication is required\", "
                        + "acr_values=\"http://eidas.europa.eu/LoA/high\", max_age=\"300\"");
    }

    @Test
    void errorBodyWhenChallengeThenOAuthErrorJson() {
        assertThat(StepUpChallenge.level(AssuranceLevel.HIGH).errorBody()).isEqualTo(
                "{\"error\":\"insufficient_user_authentication\","
                        + "\"error_description\":\"A different authentication level is required\"}");
        assertThat(StepUpChallenge.level(AssuranceLevel.HIGH).isGranted()).isFalse();
    }
}
