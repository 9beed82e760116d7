package de.buergerkonto.authserver.testing;

import java.time.Instant;

import org.bouncycastle.util.encoders.Base32;

import de.buergerkonto.authserver.secondfactor.totp.Totp;

/** The citizen's authenticator app: holds the key typed from the enrolment page and shows codes. */
public final class AuthenticatorApp {

    private final byte[] secret;

    private AuthenticatorApp(byte[] secret) {
        this.secret = secret;
    }

    /** Takes the key as the page shows it, in blocks of four. */
    public static AuthenticatorApp fromManualKey(String key) {
        return new AuthenticatorApp(Base32.decode(key.replace(" ", "")));
    }

    public static AuthenticatorApp withSecret(byte[] secret) {
        return new AuthenticatorApp(secret.clone());
    }

    public String codeAt(Instant instant) {
        return codeForStep(Totp.step(instant));
    }

    public String codeForStep(long step) {
        return Totp.authenticatorApp().code(secret, step);
    }
}
