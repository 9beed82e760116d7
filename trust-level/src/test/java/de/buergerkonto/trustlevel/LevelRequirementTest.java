package de.buergerkonto.trustlevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LevelRequirementTest {

    private static final String ESSENTIAL_ID_TOKEN_ACR = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[%s]}}}";

    @ParameterizedTest(name = "acr_values=\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://eidas.europa.eu/LoA/substantial                                  | SUBSTANTIAL",
            "substantial                                                             | SUBSTANTIAL",
            "STORK-QAA-Level-4                                                       | HIGH",
            "urn:buergerkonto:loa:basic                                              | BASIC",
            // higher satisfies lower: the lowest value requested is the requirement
            "http://eidas.europa.eu/LoA/high http://eidas.europa.eu/LoA/substantial  | SUBSTANTIAL",
            "high   low                                                              | LOW",
            // unknown values are ignored
            "urn:other:gold http://eidas.europa.eu/LoA/high                          | HIGH",
            "urn:other:gold                                                          | NONE",
            "'   '                                                                   | NONE"
    })
    void parseWhenAcrValuesThenVoluntaryLowestKnownLevel(String acrValues, String expected) {
        LevelRequirement requirement = LevelRequirement.parse(acrValues, null, null);

        assertThat(requirement.minimum()).isEqualTo(level(expected));
        assertThat(requirement.essential()).isFalse();
        assertThat(requirement.maxAge()).isEmpty();
    }

    @ParameterizedTest(name = "claims={0} -> {1}, essential {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"http://eidas.europa.eu/LoA/substantial\"]}}}  | SUBSTANTIAL | true",
            "{\"userinfo\":{\"acr\":{\"essential\":true,\"values\":[\"high\",\"STORK-QAA-Level-3\"]}}}               | SUBSTANTIAL | true",
            "{\"id_token\":{\"acr\":{\"essential\":true,\"value\":\"http://eidas.europa.eu/LoA/high\"}}}            | HIGH        | true",
            "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"urn:other:gold\",\"high\"]}}}                  | HIGH        | true",
            // both members essential: both must be met, so the stricter one counts
            "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"low\"]}},\"userinfo\":{\"acr\":{\"essential\":true,\"values\":[\"high\"]}}} | HIGH | true",
            "{\"id_token\":{\"acr\":{\"values\":[\"substantial\"]}}}                                                 | SUBSTANTIAL | false",
            "{\"id_token\":{\"acr\":{\"essential\":false,\"values\":[\"high\"]}}}                                    | HIGH        | false",
            // the claim itself, no level: every login token carries an acr
            "{\"id_token\":{\"acr\":{\"essential\":true}}}                                                           | NONE        | false",
            "{\"id_token\":{\"acr\":null,\"email\":null}}                                                            | NONE        | false",
            "{\"userinfo\":{\"email\":{\"essential\":true}}}                                                         | NONE        | false",
            "{}                                                                                                      | NONE        | false"
    })
    void parseWhenClaimsParameterThenLevelAndEssential(String claims, String expected, boolean essential) {
        LevelRequirement requirement = LevelRequirement.parse(null, claims, null);

        assertThat(requirement.minimum()).isEqualTo(level(expected));
        assertThat(requirement.essential()).isEqualTo(essential);
    }

    @Test
    void parseWhenEssentialAcrAndAcrValuesThenEssentialDecides() {
        LevelRequirement requirement = LevelRequirement.parse("low",
                ESSENTIAL_ID_TOKEN_ACR.formatted("\"http://eidas.europa.eu/LoA/high\""), null);

        assertThat(requirement.minimum()).contains(AssuranceLevel.HIGH);
        assertThat(requirement.essential()).isTrue();
    }

    @Test
    void parseWhenVoluntaryClaimAndAcrValuesThenLowestOfBoth() {
        LevelRequirement requirement = LevelRequirement.parse("high",
                "{\"id_token\":{\"acr\":{\"values\":[\"substantial\"]}}}", null);

        assertThat(requirement.minimum()).contains(AssuranceLevel.SUBSTANTIAL);
        assertThat(requirement.essential()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"urn:other:gold\"", "\"\"", ""})
    void parseWhenEssentialAcrHasNoKnownLevelThenUnmetAuthenticationRequirements(String values) {
        assertThatExceptionOfType(LevelRequirementException.class)
                .isThrownBy(() -> LevelRequirement.parse(null, ESSENTIAL_ID_TOKEN_ACR.formatted(values), null))
                .satisfies(ex -> assertThat(ex.error().code()).isEqualTo("unmet_authentication_requirements"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{",
            "not json",
            "[\"acr\"]",
            "\"acr\"",
            "{\"id_token\":\"acr\"}",
            "{\"id_token\":{\"acr\":\"high\"}}",
            "{\"id_token\":{\"acr\":{\"essential\":\"yes\",\"values\":[\"high\"]}}}",
            "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":\"high\"}}}",
            "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[3]}}}",
            "{\"id_token\":{\"acr\":{\"essential\":true,\"value\":[\"high\"]}}}"
    })
    void parseWhenClaimsMalformedThenInvalidRequest(String claims) {
        assertThatExceptionOfType(LevelRequirementException.class)
                .isThrownBy(() -> LevelRequirement.parse(null, claims, null))
                .satisfies(ex -> assertThat(ex.error()).isEqualTo(LevelRequirementException.Error.INVALID_REQUEST))
                .withMessage("The claims parameter is not a valid claims request");
    }

    @Test
    void parseWhenClaimsTooLongThenInvalidRequestBeforeParsing() {
        String claims = "{\"id_token\":{\"acr\":{\"values\":[\"" + "x".repeat(16 * 1024) + "\"]}}}";

        assertThatExceptionOfType(LevelRequirementException.class)
                .isThrownBy(() -> LevelRequirement.parse(null, claims, null))
                .withMessage("The claims parameter is too long");
    }

    @ParameterizedTest(name = "max_age={0} -> {1}")
    @CsvSource({
            "0,    PT0S",
            "900,  PT15M",
            "' 60 ', PT1M"
    })
    void parseWhenMaxAgeThenDuration(String maxAge, Duration expected) {
        assertThat(LevelRequirement.parse(null, null, maxAge).maxAge()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "", "15m", "1.5", "99999999999999999999"})
    void parseWhenMaxAgeNotSecondsThenInvalidRequest(String maxAge) {
        assertThatExceptionOfType(LevelRequirementException.class)
                .isThrownBy(() -> LevelRequirement.parse(null, null, maxAge))
                .satisfies(ex -> assertThat(ex.error().code()).isEqualTo("invalid_request"));
    }

    @Test
    void parseWhenNothingRequestedThenNone() {
        assertThat(LevelRequirement.parse(null, null, null)).isEqualTo(LevelRequirement.NONE);
        assertThat(LevelRequirement.NONE.isMetBy(AssuranceLevel.BASIC)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "BASIC,       false",
            "LOW,         false",
            "SUBSTANTIAL, true",
            "HIGH,        true"
    })
    void isMetByWhenLevelThenAtLeastTheMinimum(AssuranceLevel reached, boolean met) {
        assertThat(LevelRequirement.parse("substantial", null, null).isMetBy(reached)).isEqualTo(met);
    }

    private static Optional<AssuranceLevel> level(String name) {
        return "NONE".equals(name) ? Optional.empty() : Optional.of(AssuranceLevel.valueOf(name));
    }
}
