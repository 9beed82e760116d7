package de.buergerkonto.eidadapter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

    @Test
    void parseWhenCompleteEidDateStringThenFullDate() {
        PartialDate date = PartialDate.parse("19640812");

        assertThat(date.isComplete()).isTrue();
        assertThat(date.toLocalDate()).contains(LocalDate.of(1964, 8, 12));
        assertThat(date.toIsoString()).isEqualTo("1964-08-12");
    }

    @Test
    void parseWhenDayUnknownThenYearAndMonthOnly() {
        PartialDate date = PartialDate.parse("196408  ");

        assertThat(date.isComplete()).isFalse();
        assertThat(date.month()).contains(Month.AUGUST);
        assertThat(date.dayOfMonth()).isEmpty();
        assertThat(date.toLocalDate()).isEmpty();
        assertThat(date.toIsoString()).isEqualTo("1964-08");
    }

    @Test
    void parseWhenMonthAndDayUnknownThenYearOnly() {
        PartialDate date = PartialDate.parse("1964    ");

        assertThat(date.year()).isEqualTo(Year.of(1964));
        assertThat(date.month()).isEmpty();
        assertThat(date.dayOfMonth()).isEmpty();
        assertThat(date.toIsoString()).isEqualTo("1964");
    }

    @Test
    void parseWhenUnknownPartsTrimmedThenSameAsWithSpaces() {
        assertThat(PartialDate.parse("1964")).isEqualTo(PartialDate.parse("1964    "));
        assertThat(PartialDate.parse("196408")).isEqualTo(PartialDate.parse("196408  "));
    }

    @Test
    void parseWhenIsoDateThenFullDate() {
        assertThat(PartialDate.parse("2031-10-31").toLocalDate()).contains(LocalDate.of(2031, 10, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1964  12", "19641301", "19640230", "1964081", "1964-8-12", "", "        ", "NOTONCHIP",
            "1964 812", "19640812 "})
    void parseWhenNotAnExistingPartialDateThenRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> PartialDate.parse(value));
    }

    @Test
    void constructorWhenDayWithoutMonthThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PartialDate(Year.of(1964), Optional.empty(), Optional.of(12)));
    }

    @Test
    void toStringWhenAnyDateThenNoDigitsOfIt() {
        assertThat(PartialDate.parse("19640812").toString()).doesNotContain("1964", "08", "12");
    }
}
