package de.buergerkonto.authserver.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Pairwise subject identifiers (OpenID Connect Core 1.0, section 8.1): each service sees its
 * own stable {@code sub} for a citizen, {@code base64url(HMAC-SHA256(secret, clientId ":" accountId))},
 * so two services cannot link their users and no service learns the account id.
 */
@Component
public final class PairwiseSubject {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public PairwiseSubject(PairwiseSubjectProperties properties) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * The {@code sub} the client with this client id receives for this account. Account ids
     * (UUIDs) never contain the separator, which keeps the input unambiguous: "a:b" + "c" and
     * "a" + "b:c" cannot meet.
     */
    public String of(String clientId, String accountId) {
        if (accountId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("An account id must not contain ':'");
        }
        byte[] input = (clientId + ":" + accountId).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac().doFinal(input));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is required of every Java runtime", e);
        }
    }
}
