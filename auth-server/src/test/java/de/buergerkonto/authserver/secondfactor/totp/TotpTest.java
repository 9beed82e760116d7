package de.buergerkonto.authserver.secondfactor.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890"
            + "123456789012345678901234").getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, appendix B: every row of the test vector table. */
    @ParameterizedTest
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void codeWhenRfc6238VectorThenSameCode(long unixTime, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(unixTime));

        assertThat(new Totp(TotpAlgorithm.SHA1, 8).code(SHA1_SEED, step)).isEqualTo(sha1);
        assertThat(new Totp(TotpAlgorithm.SHA256, 8).code(SHA256_SEED, step)).isEqualTo(sha256);
        assertThat(new Totp(TotpAlgorithm.SHA512, 8).code(SHA512_SEED, step)).isEqualTo(sha512);
    }

    /** RFC 4226, appendix D: the 6-digit HOTP values of the same SHA-1 seed for counters 0 to 9. */
    @ParameterizedTest
    @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
            "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"})
    void codeWhenRfc4226VectorThenSameSixDigitCode(long counter, String code) {
        assertThat(Totp.authenticatorApp().code(SHA1_SEED, counter)).isEqualTo(code);
    }

    @Test
    void stepWhenAtTheEdgesOfA30SecondPeriodThenPeriodOfTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(29, 999_999_999))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
    }

    @Test
    void matchingStepWhenCodeOfOneStepAgoThenAcceptedUntilTheLastInstantOfTheNextStep() {
        Totp totp = Totp.authenticatorApp();
        long step = 56_000_000L;
        String code = totp.code(SHA1_SEED, step);

        // now = step + 1: the code is one step old, the window's lower edge
        assertThat(totp.matchingStep(SHA1_SEED, code, startOf(step + 1))).hasValue(step);
        assertThat(totp.matchingStep(SHA1_SEED, code, startOf(step + 2).minusNanos(1))).hasValue(step);
        assertThat(totp.matchingStep(SHA1_SEED, code, startOf(step + 2))).isEmpty();
    }

    @Test
    void matchingStepWhenCodeOfTheNextStepThenAcceptedFromTheFirstInstantOfThePreviousStep() {
        Totp totp = Totp.authenticatorApp();
        long step = 56_000_000L;
        String code = totp.code(SHA1_SEED, step);

        // now = step - 1: the code is one step ahead (a phone clock a little fast), the upper edge
        assertThat(totp.matchingStep(SHA1_SEED, code, startOf(step - 1))).hasValue(step);
        assertThat(totp.matchingStep(SHA1_SEED, code, startOf(step - 1).minusNanos(1))).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, code, startOf(step))).hasValue(step);
    }

    @ParameterizedTest
    @CsvSource(value = {"null", "''", "12345", "1234567", "12345a", "' 123456'", "١٢٣٤٥٦"}, nullValues = "null")
    void matchingStepWhenNotSixAsciiDigitsThenEmpty(String code) {
        assertThat(Totp.authenticatorApp().matchingStep(SHA1_SEED, code, Instant.now())).isEmpty();
    }

    @Test
    void codeWhenShortResultThenZeroPadded() {
        // counter 1111111109 / 30 of the RFC 6238 table gives 07081804 with 8 digits
        assertThat(new Totp(TotpAlgorithm.SHA1, 8).code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(1111111109))))
                .startsWith("0").hasSize(8);
    }

    private static Instant startOf(long step) {
        return Instant.ofEpochSecond(step * Totp.STEP.toSeconds());
    }
}
