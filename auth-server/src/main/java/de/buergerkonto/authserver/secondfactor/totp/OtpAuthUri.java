package de.buergerkonto.authserver.secondfactor.totp;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * The {@code otpauth://totp/} URI of Google Authenticator's "Key Uri Format", which authenticator
 * apps read from the QR code: label {@code issuer:account}, then {@code secret}, {@code issuer}
 * (repeated, as older apps read only one of the two), {@code algorithm}, {@code digits},
 * {@code period}. Label and issuer are percent-encoded (a space as {@code %20}, never {@code +}).
 */
public final class OtpAuthUri {

    private OtpAuthUri() {
    }

    public static String of(String issuer, String accountName, String base32Secret, Totp totp) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label
                + "?secret=" + base32Secret
                + "&issuer=" + encode(issuer)
                + "&algorithm=" + totp.algorithm().uriName()
                + "&digits=" + totp.digits()
                + "&period=" + Totp.STEP.toSeconds();
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
