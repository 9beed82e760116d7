package de.buergerkonto.eidhandover;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.buergerkonto.eidhandover.HandoverTokenException.Reason;

/**
 * Reads the handover token ({@link HandoverClaims}) on the auth-server's side, in order: parse the
 * JWE, allow only RSA-OAEP-256 + A256GCM with {@code cty: JWT}, decrypt with the auth-server's key,
 * allow only a PS256/RS256 JWS of {@code typ} {@value EidHandoverTokenWriter#TYPE}, verify it with
 * the adapter's key (never a key named in the token), then {@code iss}, {@code aud}, {@code nbf},
 * {@code iat}, {@code exp} (each edge with the skew, lifetime at most 60 s), and last the
 * {@code jti} once in the {@link JtiStore}, so that a refused token does not use up its ID.
 *
 * <p>No web dependency: the module {@code eid-handover} is shared by the adapter (writer) and the auth-server (reader).
 */
public final class EidHandoverTokenReader {

    private static final Set<JWSAlgorithm> SIGNATURE_ALGORITHMS = Set.of(JWSAlgorithm.PS256, JWSAlgorithm.RS256);

    private final String expectedIssuer;
    private final String audience;
    private final RSASSAVerifier verifier;
    private final RSADecrypter decrypter;
    private final Duration clockSkew;
    private final JtiStore jtiStore;
    private final Clock clock;

    public EidHandoverTokenReader(String expectedIssuer, String audience, RSAPublicKey adapterKey,
            PrivateKey decryptionKey, Duration clockSkew, JtiStore jtiStore, Clock clock) {
        this.expectedIssuer = expectedIssuer;
        this.audience = audience;
        this.verifier = new RSASSAVerifier(adapterKey);
        this.decrypter = new RSADecrypter(decryptionKey);
        this.clockSkew = clockSkew;
        this.jtiStore = jtiStore;
        this.clock = clock;
    }

    /** Every check, in the order above. */
    public EidHandover read(String token) throws HandoverTokenException {
        SignedJWT signed = decrypt(token);
        JWTClaimsSet claims = verify(signed);
        Instant expiresAt = checkClaims(claims);
        EidHandover handover = map(claims);
        checkOnce(claims.getJWTID(), expiresAt.plus(clockSkew));
        return handover;
    }

    private SignedJWT decrypt(String token) throws HandoverTokenException {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(token);
        } catch (ParseException e) {
            throw new HandoverTokenException(Reason.MALFORMED, "not a compact JWE", e);
        }
        if (!JWEAlgorithm.RSA_OAEP_256.equals(jwe.getHeader().getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())
                || !"JWT".equals(jwe.getHeader().getContentType())) {
            throw new HandoverTokenException(Reason.ALGORITHM_NOT_ALLOWED, "JWE header");
        }
        try {
            jwe.decrypt(decrypter);
        } catch (JOSEException e) {
            throw new HandoverTokenException(Reason.DECRYPTION_FAILED, "not encrypted for this key", e);
        }
        SignedJWT signed = jwe.getPayload().toSignedJWT();
        if (signed == null) {
            throw new HandoverTokenException(Reason.MALFORMED, "the JWE holds no signed JWT");
        }
        return signed;
    }

    private JWTClaimsSet verify(SignedJWT signed) throws HandoverTokenException {
        if (!SIGNATURE_ALGORITHMS.contains(signed.getHeader().getAlgorithm())
                || !new JOSEObjectType(EidHandoverTokenWriter.TYPE).equals(signed.getHeader().getType())) {
            throw new HandoverTokenException(Reason.ALGORITHM_NOT_ALLOWED, "JWS header");
        }
        try {
            if (!signed.verify(verifier)) {
                throw new HandoverTokenException(Reason.SIGNATURE_INVALID, "not signed by the adapter");
            }
            return signed.getJWTClaimsSet();
        } catch (JOSEException e) {
            throw new HandoverTokenException(Reason.SIGNATURE_INVALID, "signature not verifiable", e);
        } catch (ParseException e) {
            throw new HandoverTokenException(Reason.MALFORMED, "claims are not a JSON object", e);
        }
    }

    private Instant checkClaims(JWTClaimsSet claims) throws HandoverTokenException {
        if (!expectedIssuer.equals(claims.getIssuer()) || claims.getAudience() == null
                || !claims.getAudience().contains(audience)) {
            throw new HandoverTokenException(Reason.WRONG_ISSUER_OR_AUDIENCE, "iss or aud");
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null || iat == null || nbf == null || claims.getJWTID() == null) {
            throw new HandoverTokenException(Reason.MALFORMED, "exp, iat, nbf and jti are required");
        }
        Instant now = clock.instant();
        if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(HandoverClaims.MAX_LIFETIME) > 0) {
            throw new HandoverTokenException(Reason.NOT_IN_TIME_WINDOW, "valid longer than allowed");
        }
        if (now.isBefore(nbf.toInstant().minus(clockSkew)) || now.isBefore(iat.toInstant().minus(clockSkew))) {
            throw new HandoverTokenException(Reason.NOT_IN_TIME_WINDOW, "not yet valid");
        }
        if (!now.isBefore(exp.toInstant().plus(clockSkew))) {
            throw new HandoverTokenException(Reason.NOT_IN_TIME_WINDOW, "expired");
        }
        return exp.toInstant();
    }

    private void checkOnce(String jti, Instant keepUntil) throws HandoverTokenException {
        try {
            if (!jtiStore.firstUse(jti, keepUntil)) {
                throw new HandoverTokenException(Reason.REPLAYED, "jti used before");
            }
        } catch (JtiStoreUnavailableException e) {
            throw new HandoverTokenException(Reason.JTI_STORE_UNAVAILABLE, "jti store did not answer", e);
        }
    }

    private static EidHandover map(JWTClaimsSet claims) throws HandoverTokenException {
        try {
            Purpose purpose = Purpose.of(claims.getStringClaim(HandoverClaims.PURPOSE))
                    .orElseThrow(() -> new HandoverTokenException(Reason.MALFORMED, "unknown purpose"));
            String state = required(claims, HandoverClaims.STATE);
            String restrictedId = required(claims, HandoverClaims.RESTRICTED_ID);
            String acr = required(claims, HandoverClaims.ACR);
            Long verifiedAt = claims.getLongClaim(HandoverClaims.VERIFIED_AT);
            if (verifiedAt == null) {
                throw new HandoverTokenException(Reason.MALFORMED, HandoverClaims.VERIFIED_AT + " is required");
            }
            return new EidHandover(claims.getJWTID(), state, purpose, new CardIdentity(restrictedId, acr,
                    Instant.ofEpochSecond(verifiedAt),
                    optional(claims, HandoverClaims.GIVEN_NAME),
                    optional(claims, HandoverClaims.FAMILY_NAME),
                    optional(claims, HandoverClaims.BIRTH_FAMILY_NAME),
                    optional(claims, HandoverClaims.BIRTHDATE),
                    place(claims, HandoverClaims.PLACE_OF_BIRTH),
                    place(claims, HandoverClaims.ADDRESS),
                    optional(claims, HandoverClaims.NATIONALITY),
                    optional(claims, HandoverClaims.DOCUMENT_TYPE),
                    optional(claims, HandoverClaims.ISSUING_STATE)));
        } catch (ParseException e) {
            throw new HandoverTokenException(Reason.MALFORMED, "a claim has the wrong type", e);
        }
    }

    private static String required(JWTClaimsSet claims, String name) throws ParseException, HandoverTokenException {
        return optional(claims, name)
                .orElseThrow(() -> new HandoverTokenException(Reason.MALFORMED, name + " is required"));
    }

    private static Optional<String> optional(JWTClaimsSet claims, String name) throws ParseException {
        return Optional.ofNullable(claims.getStringClaim(name));
    }

    private static Map<String, String> place(JWTClaimsSet claims, String name) throws ParseException, HandoverTokenException {
        Map<String, Object> json = claims.getJSONObjectClaim(name);
        Map<String, String> place = new LinkedHashMap<>();
        if (json != null) {
            for (Map.Entry<String, Object> entry : json.entrySet()) {
                if (!(entry.getValue() instanceof String text)) {
                    throw new HandoverTokenException(Reason.MALFORMED, name + " holds a non-text value");
                }
                place.put(entry.getKey(), text);
            }
        }
        return place;
    }
}
