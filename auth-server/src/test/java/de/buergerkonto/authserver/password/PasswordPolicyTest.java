package de.buergerkonto.authserver.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "max.muster@example.org";

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void checkWhenLongUncommonPasswordThenAccepted() {
        assertThat(policy.check("Amsel-Drossel-Fink", EMAIL)).isEmpty();
    }

    @Test
    void checkWhenNineCharactersThenTooShort() {
        assertThat(policy.check("abcdefgh1", EMAIL)).containsExactly(PasswordViolation.TOO_SHORT);
    }

    @Test
    void checkWhenExactlyTenCharactersThenAccepted() {
        assertThat(policy.check("Kranich-7q", EMAIL)).isEmpty();
    }

    @Test
    void checkWhenTenCharactersOutsideTheBasicPlaneThenCountedAsTen() {
        // ten emoji are twenty UTF-16 units but ten characters
        assertThat(policy.check("\uD83D\uDE00".repeat(9), EMAIL)).containsExactly(PasswordViolation.TOO_SHORT);
        assertThat(policy.check("\uD83D\uDE00".repeat(10), EMAIL)).isEmpty();
    }

    @Test
    void checkWhenLongerThanMaximumThenTooLong() {
        assertThat(policy.check("x7".repeat(64), EMAIL)).isEmpty();
        assertThat(policy.check("x7".repeat(64) + "y", EMAIL)).containsExactly(PasswordViolation.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "qwertyuiop", "1q2w3e4r5t", "QWERTYUIOP", "Basketball"})
    void checkWhenOnCommonListInAnyCaseThenCommon(String common) {
        assertThat(policy.check(common, EMAIL)).containsExactly(PasswordViolation.COMMON);
    }

    @Test
    void checkWhenContainsLocalPartOfEmailThenRefused() {
        assertThat(policy.check("Max.Muster-2026", EMAIL)).containsExactly(PasswordViolation.CONTAINS_EMAIL);
    }

    @Test
    void checkWhenLocalPartShorterThanThreeThenNotCompared() {
        assertThat(policy.check("Bahnhof-ab-2026", "ab@example.org")).isEmpty();
    }

    @Test
    void checkWhenShortAndCommonThenBothReported() {
        assertThat(policy.check("password", EMAIL))
                .containsExactly(PasswordViolation.TOO_SHORT, PasswordViolation.COMMON);
    }
}
