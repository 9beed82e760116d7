package de.buergerkonto.trustlevel;

import static de.buergerkonto.trustlevel.Authenticator.EID;
import static de.buergerkonto.trustlevel.Authenticator.PASSKEY;
import static de.buergerkonto.trustlevel.Authenticator.PASSWORD;
import static de.buergerkonto.trustlevel.Authenticator.SECURITY_KEY;
import static de.buergerkonto.trustlevel.Authenticator.TOTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginAssuranceTest {

    // proofing x authenticators -> level; authenticators separated by '+'
    @ParameterizedTest(name = "{0} account, {1} -> {2}")
    @CsvSource({
            // unproven accounts stay basic whatever they log in with
            "BASIC, PASSWORD,                BASIC",
            "BASIC, PASSWORD+TOTP,           BASIC",
            "BASIC, PASSKEY,                 BASIC",
            "BASIC, PASSWORD+PASSKEY,        BASIC",
            "BASIC, EID,                     BASIC",
            // a proofing at low caps everything at low
            "LOW, PASSWORD,                  LOW",
            "LOW, PASSWORD+TOTP,             LOW",
            "LOW, EID,                       LOW",
            "SUBSTANTIAL, PASSWORD,          LOW",
            "SUBSTANTIAL, PASSWORD+TOTP,     SUBSTANTIAL",
            "SUBSTANTIAL, EID,               SUBSTANTIAL",
            // eID-proven accounts: the authenticator decides
            "HIGH, PASSWORD,                 LOW",
            "HIGH, TOTP,                     LOW",
            "HIGH, SECURITY_KEY,             LOW",
            "HIGH, PASSWORD+TOTP,            SUBSTANTIAL",
            "HIGH, PASSWORD+SECURITY_KEY,    SUBSTANTIAL",
            "HIGH, PASSKEY,                  SUBSTANTIAL",
            "HIGH, PASSWORD+PASSKEY,         SUBSTANTIAL",
            "HIGH, PASSWORD+TOTP+PASSKEY,    SUBSTANTIAL",
            // two possession factors are not independent
            "HIGH, TOTP+SECURITY_KEY,        LOW",
            "HIGH, EID,                      HIGH",
            "HIGH, PASSWORD+EID,             HIGH",
            "HIGH, PASSWORD+TOTP+EID,        HIGH"
    })
    void levelWhenProofingAndAuthenticatorsThenLowerOfBoth(AssuranceLevel proofing, String authenticators,
            AssuranceLevel expected) {
        assertThat(LoginAssurance.of(proofing, parse(authenticators)).level()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> amr {1}")
    @CsvSource({
            "PASSWORD,               pwd",
            "TOTP,                   otp",
            "SECURITY_KEY,           hwk",
            "PASSKEY,                hwk mfa",
            "PASSWORD+TOTP,          pwd otp mfa",
            "PASSWORD+SECURITY_KEY,  pwd hwk mfa",
            "PASSWORD+PASSKEY,       pwd hwk mfa",
            "TOTP+SECURITY_KEY,      otp hwk",
            "EID,                    pin sc mfa",
            "PASSWORD+EID,           pwd pin sc mfa"
    })
    void amrWhenAuthenticatorsThenMethodsAndMfaForIndependentFactors(String authenticators, String expected) {
        assertThat(LoginAssurance.of(AssuranceLevel.HIGH, parse(authenticators)).amr())
                .containsExactly(expected.split(" "));
    }

    @ParameterizedTest(name = "{0} -> strength {1}")
    @CsvSource({
            "PASSWORD,       LOW",
            "PASSWORD+TOTP,  SUBSTANTIAL",
            "PASSKEY,        SUBSTANTIAL",
            "EID,            HIGH"
    })
    void authenticatorStrengthWhenUnprovenAccountThenIndependentOfProofing(String authenticators,
            AssuranceLevel expected) {
        LoginAssurance login = LoginAssurance.of(AssuranceLevel.BASIC, parse(authenticators));

        assertThat(login.authenticatorStrength()).isEqualTo(expected);
        assertThat(login.level()).isEqualTo(AssuranceLevel.BASIC);
    }

    @Test
    void plusWhenStepUpWithTotpThenSubstantialWithMfa() {
        LoginAssurance password = LoginAssurance.of(AssuranceLevel.HIGH, PASSWORD);

        LoginAssurance steppedUp = password.plus(TOTP);

        assertThat(password.level()).isEqualTo(AssuranceLevel.LOW);
        assertThat(steppedUp.level()).isEqualTo(AssuranceLevel.SUBSTANTIAL);
        assertThat(steppedUp.methods()).containsExactly(AuthenticationMethod.PASSWORD,
                AuthenticationMethod.ONE_TIME_PASSWORD, AuthenticationMethod.MULTI_FACTOR);
        assertThat(steppedUp).isEqualTo(LoginAssurance.of(AssuranceLevel.HIGH, PASSWORD, TOTP));
    }

    @Test
    void ofWhenNoAuthenticatorThenError() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoginAssurance.of(AssuranceLevel.HIGH, Set.of()));
    }

    @Test
    void amrWhenEveryAuthenticatorThenOnlyRegisteredRfc8176Values() {
        List<String> registered = List.of("face", "fpt", "geo", "hwk", "iris", "kba", "mca", "mfa", "otp", "pin",
                "pwd", "rba", "retina", "sc", "sms", "swk", "tel", "user", "vbm", "wia");

        assertThat(LoginAssurance.of(AssuranceLevel.HIGH, EnumSet.allOf(Authenticator.class)).amr())
                .isSubsetOf(registered);
    }

    private static Set<Authenticator> parse(String authenticators) {
        return Arrays.stream(authenticators.split("\\+")).map(String::trim).map(Authenticator::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Authenticator.class)));
    }
}
