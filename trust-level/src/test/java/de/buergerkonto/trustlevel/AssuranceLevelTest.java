package de.buergerkonto.trustlevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AssuranceLevelTest {

    @ParameterizedTest
    @CsvSource({
            "urn:buergerkonto:loa:basic, BASIC",
            "basic, BASIC",
            "STORK-QAA-Level-1, BASIC",
            "http://eidas.europa.eu/LoA/low, LOW",
            "Low, LOW",
            "STORK-QAA-Level-2, LOW",
            "http://eidas.europa.eu/LoA/substantial, SUBSTANTIAL",
            "substantial, SUBSTANTIAL",
            "stork-qaa-level-3, SUBSTANTIAL",
            "http://eidas.europa.eu/LoA/high, HIGH",
            "HIGH, HIGH",
            "STORK-QAA-Level-4, HIGH"
    })
    void parseWhenAnyAcceptedFormThenLevel(String input, AssuranceLevel expected) {
        assertThat(AssuranceLevel.parse(input)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"medium", "http://eidas.europa.eu/LoA/HIGH ", "STORK-QAA-Level-5", "urn:other:basic"})
    void parseWhenUnknownThenEmpty(String input) {
        assertThat(AssuranceLevel.parse(input)).isEmpty();
    }

    @Test
    void requireWhenUnknownThenErrorNamesAcceptedForms() {
        assertThatIllegalArgumentException().isThrownBy(() -> AssuranceLevel.require("medium"))
                .withMessageContaining("'medium'").withMessageContaining("substantial");
    }

    @Test
    void acrWhenEveryLevelThenCanonicalForm() {
        assertThat(AssuranceLevel.values()).extracting(AssuranceLevel::acr).containsExactly(
                "urn:buergerkonto:loa:basic",
                "http://eidas.europa.eu/LoA/low",
                "http://eidas.europa.eu/LoA/substantial",
                "http://eidas.europa.eu/LoA/high");
    }

    @Test
    void isAtLeastWhenOrderedThenHigherSatisfiesLower() {
        assertThat(AssuranceLevel.HIGH.isAtLeast(AssuranceLevel.SUBSTANTIAL)).isTrue();
        assertThat(AssuranceLevel.SUBSTANTIAL.isAtLeast(AssuranceLevel.SUBSTANTIAL)).isTrue();
        assertThat(AssuranceLevel.LOW.isAtLeast(AssuranceLevel.SUBSTANTIAL)).isFalse();
        assertThat(AssuranceLevel.lower(AssuranceLevel.HIGH, AssuranceLevel.LOW)).isEqualTo(AssuranceLevel.LOW);
    }
}
