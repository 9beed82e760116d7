package de.buergerkonto.authserver.secondfactor.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.secondfactor.SecondFactorProperties;

class TotpSecretCipherTest {

    private static final String KEY = "fyf1wGOfzefZAUXaeMCV4HYWrcNyNXgZ/pHScERBR74=";
    private static final String OTHER_KEY = "pl29ZQrq2b6fRF8C+U8zJ39OicrUboj06hweiC1KSQI=";
    private static final byte[] SECRET = "12345678901234567890".getBytes();

    private final TotpSecretCipher cipher = new TotpSecretCipher(new SecondFactorProperties(KEY));

    @Test
    void decryptWhenSameKeyAndContextThenSecret() {
        String stored = cipher.encrypt(SECRET, "totp-secret:a:f1");

        assertThat(cipher.decrypt(stored, "totp-secret:a:f1")).isEqualTo(SECRET);
    }

    @Test
    void encryptWhenCalledTwiceThenDifferentCiphertextsWithoutThePlainSecret() {
        String first = cipher.encrypt(SECRET, "c");
        String second = cipher.encrypt(SECRET, "c");

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(Base64.getDecoder().decode(first))).doesNotContain("1234567890");
        // 12 bytes nonce + 20 bytes ciphertext + 16 bytes tag
        assertThat(Base64.getDecoder().decode(first)).hasSize(48);
    }

    @Test
    void decryptWhenOtherContextThenRefused() {
        String stored = cipher.encrypt(SECRET, "totp-secret:account-a:f1");

        assertThatThrownBy(() -> cipher.decrypt(stored, "totp-secret:account-b:f1"))
                .isInstanceOf(TotpSecretCipher.UndecryptableSecretException.class);
    }

    @Test
    void decryptWhenOtherKeyThenRefused() {
        String stored = new TotpSecretCipher(new SecondFactorProperties(OTHER_KEY)).encrypt(SECRET, "c");

        assertThatThrownBy(() -> cipher.decrypt(stored, "c"))
                .isInstanceOf(TotpSecretCipher.UndecryptableSecretException.class);
    }

    @Test
    void decryptWhenOneBitFlippedThenRefused() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt(SECRET, "c"));
        stored[20] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(stored), "c"))
                .isInstanceOf(TotpSecretCipher.UndecryptableSecretException.class)
                .hasMessageNotContaining("1234567890");
    }

    @Test
    void propertiesWhenKeyNot32BytesOrNotBase64ThenInvalid() {
        assertThat(new SecondFactorProperties(KEY).isEncryptionKeyValid()).isTrue();
        assertThat(new SecondFactorProperties("c2hvcnQ=").isEncryptionKeyValid()).isFalse();
        assertThat(new SecondFactorProperties("not base64 at all!").isEncryptionKeyValid()).isFalse();
        assertThat(new SecondFactorProperties(null).isEncryptionKeyValid()).isFalse();
        assertThat(new SecondFactorProperties(KEY).toString()).doesNotContain(KEY);
    }
}
