package de.buergerkonto.authserver.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.buergerkonto.authserver.web.PublicUrl;

/** The start-up check of {@code buergerkonto.passkeys}: the RP ID must fit the public URL (WebAuthn Level 2, 5.1.2). */
class PasskeyRelyingPartyTest {

    @ParameterizedTest(name = "[{index}] rp-id {0}, host {1} -> {2}")
    @CsvSource({
            "localhost, localhost, true",
            "konto.hagen.de, konto.hagen.de, true",
            "hagen.de, konto.hagen.de, true",
            "de, konto.hagen.de, false",
            "hagen.de, konto.hagen.de.evil.example, false",
            "agen.de, konto.hagen.de, false",
            "example.org, konto.hagen.de, false",
            "127.0.0.1, 127.0.0.1, false"})
    void isRegistrableSuffixWhenRpIdAndHostThenOutcome(String rpId, String host, boolean expected) {
        assertThat(PasskeyRelyingParty.isRegistrableSuffix(rpId, host)).isEqualTo(expected);
    }

    @Test
    void constructorWhenRpIdOutsideThePublicUrlThenStartFailsNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new PasskeyRelyingParty(new PasskeyProperties("example.org", "Bürgerkonto", null),
                        new PublicUrl(URI.create("https://konto.hagen.de"))))
                .withMessageContaining("buergerkonto.passkeys.rp-id");
    }

    @Test
    void constructorWhenOriginOutsideTheRpIdThenStartFailsNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new PasskeyRelyingParty(new PasskeyProperties("hagen.de", "Bürgerkonto",
                        List.of(URI.create("https://konto.example.org"))), new PublicUrl(URI.create("https://konto.hagen.de"))))
                .withMessageContaining("buergerkonto.passkeys.origins");
    }

    @Test
    void rpIdWhenMixedCaseThenLowerCase() {
        PasskeyRelyingParty relyingParty = new PasskeyRelyingParty(new PasskeyProperties("Hagen.DE", "Bürgerkonto", null),
                new PublicUrl(URI.create("https://konto.hagen.de")));

        assertThat(relyingParty.rpId()).isEqualTo("hagen.de");
    }
}
