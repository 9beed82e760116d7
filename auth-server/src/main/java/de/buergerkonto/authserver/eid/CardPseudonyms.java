package de.buergerkonto.authserver.eid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The form in which a card pseudonym ({@code RestrictedID}) is stored: HMAC-SHA256 under
 * {@code buergerkonto.eid.pseudonym-key}, base64url. The raw pseudonym is personal data and the
 * same for this card at every service of ours; a copy of Redis without the key cannot be joined
 * with a pseudonym seen elsewhere, and key names in monitoring show only the HMAC. Changing the
 * key orphans every link (the citizens would get new accounts), so it is kept like the
 * pairwise-subject secret.
 */
final class CardPseudonyms {

    private final SecretKeySpec key;

    CardPseudonyms(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The stored form of {@code restrictedId}; the card sends it lowercase hex, case is ignored. */
    String of(String restrictedId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(restrictedId.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
