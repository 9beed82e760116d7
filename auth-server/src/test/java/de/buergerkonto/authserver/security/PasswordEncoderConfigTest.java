package de.buergerkonto.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordEncoderConfigTest {

    private final PasswordEncoder encoder = new PasswordEncoderConfig()
            .passwordEncoder(new PasswordHashingProperties(19456, 2, 1));

    @Test
    void encodeWhenPasswordThenArgon2id() {
        String hash = encoder.encode("Mustermann-2026");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("Mustermann-2026", hash)).isTrue();
        assertThat(encoder.matches("Mustermann-2027", hash)).isFalse();
    }

    @Test
    void matchesWhenClientSecretHashThenFastPathAndNeverUpgraded() {
        String stored = PasswordEncoderConfig.CLIENT_SECRET_PREFIX + Sha256.hex("demo-service-secret");
        assertThat(encoder.matches("demo-service-secret", stored)).isTrue();
        assertThat(encoder.matches("demo-service-secreT", stored)).isFalse();
        assertThat(encoder.upgradeEncoding(stored)).isFalse();
    }
}
