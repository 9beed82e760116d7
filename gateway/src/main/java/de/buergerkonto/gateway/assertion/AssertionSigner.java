package de.buergerkonto.gateway.assertion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Signs gateway assertions (compact JWS, ES256) with one key. Everything that does not change
 * between requests is prepared once: the encoded header, and the private key as the installed
 * provider's own key object. Per request that left Nimbus's object model (constant-time Base64 of
 * header and claims) and a key conversion for every signature, together more than the signature
 * itself (docs/performance.md).
 */
final class AssertionSigner {

    static final JOSEObjectType TYPE = new JOSEObjectType("gateway+jwt");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ECKey key;
    private final JWSHeader header;
    private final String encodedHeader;
    private final ECDSASigner signer;

    AssertionSigner(ECKey key) {
        this.key = key;
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build();
        this.encodedHeader = header.toBase64URL().toString();
        try {
            PrivateKey privateKey = (PrivateKey) KeyFactory.getInstance("EC").translateKey(key.toECPrivateKey());
            this.signer = new ECDSASigner(privateKey, Curve.P_256);
        }
        catch (JOSEException | GeneralSecurityException unusable) {
            throw new IllegalStateException("The assertion key cannot sign", unusable);
        }
    }

    boolean isFor(ECKey candidate) {
        return key.getKeyID().equals(candidate.getKeyID());
    }

    /** {@code header.claims.signature}, each part base64url without padding (RFC 7515, section 7.1). */
    String sign(JWTClaimsSet claims) {
        String payload = BASE64URL.encodeToString(JSONObjectUtils.toJSONString(claims.toJSONObject()).getBytes(StandardCharsets.UTF_8));
        String signingInput = encodedHeader + '.' + payload;
        try {
            return signingInput + '.' + signer.sign(header, signingInput.getBytes(StandardCharsets.US_ASCII));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("The assertion could not be signed", ex);
        }
    }
}
