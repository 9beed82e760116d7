package de.buergerkonto.authserver.passkey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;

/**
 * webauthn4j, used directly rather than through Spring Security's {@code http.webAuthn()}: that
 * flow ends in its own {@code WebAuthnAuthentication} and hides the UV flag of an assertion, while
 * our logins are {@code CitizenAuthentication}s whose level depends on that flag, and a passkey
 * also serves as the second step after a password.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfig {

    @Bean
    ObjectConverter webAuthnObjectConverter() {
        return new ObjectConverter();
    }

    /**
     * Accepts any attestation statement without checking it against a trust anchor: we ask for
     * {@code attestation: "none"} and trust a passkey for what the citizen registered while logged
     * in, not for its make or model.
     */
    @Bean
    WebAuthnManager webAuthnManager(ObjectConverter webAuthnObjectConverter) {
        return WebAuthnManager.createNonStrictWebAuthnManager(webAuthnObjectConverter);
    }
}
