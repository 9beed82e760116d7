package de.buergerkonto.eidhandover;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * The auth-server's encryption key from its JWKS: the first RSA key for encryption
 * ({@code use=enc}, {@code alg} RSA-OAEP-256 or none). Fetched with connect and read timeouts and
 * cached by Nimbus' {@link JWKSourceBuilder} (5 minutes, refreshed ahead, rate-limited), so a
 * slow auth-server delays at most one handover per refresh and never hangs one.
 */
public final class JwksRecipientKey implements HandoverRecipientKey {

    private static final int MAX_JWKS_BYTES = 64 * 1024;

    private final JWKSource<SecurityContext> source;
    private final JWKSelector selector = new JWKSelector(new JWKMatcher.Builder()
            .keyType(KeyType.RSA)
            .keyUses(KeyUse.ENCRYPTION, null)
            .algorithms(JWEAlgorithm.RSA_OAEP_256, null)
            .build());

    public JwksRecipientKey(URI jwksUrl, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        try {
            this.source = JWKSourceBuilder.create(jwksUrl.toURL(), new DefaultResourceRetriever(millis, millis, MAX_JWKS_BYTES))
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("The handover JWKS URL is not a URL", e);
        }
    }

    @Override
    public RSAKey current() throws HandoverKeyUnavailableException {
        List<JWK> keys;
        try {
            keys = source.get(selector, null);
        } catch (KeySourceException e) {
            throw new HandoverKeyUnavailableException("The auth-server's JWKS could not be fetched", e);
        }
        return keys.stream().filter(RSAKey.class::isInstance).map(RSAKey.class::cast).findFirst()
                .orElseThrow(() -> new HandoverKeyUnavailableException(
                        "The auth-server's JWKS holds no RSA encryption key", null));
    }
}
