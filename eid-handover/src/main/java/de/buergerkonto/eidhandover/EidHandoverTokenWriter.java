package de.buergerkonto.eidhandover;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Writes the handover token ({@link HandoverClaims}): claims signed PS256 with the adapter's key
 * ({@code typ} {@value #TYPE}, RFC 8725 3.11 explicit typing), then encrypted RSA-OAEP-256 +
 * A256GCM to the auth-server's current key ({@code cty: JWT}, RFC 7519 5.2). No web dependency.
 */
public final class EidHandoverTokenWriter {

    /** The inner JWS's {@code typ}: the reader refuses any other JWT, e.g. an ID token signed with a shared key. */
    public static final String TYPE = "eid-handover+jwt";

    private final String issuer;
    private final String audience;
    private final RSASSASigner signer;
    private final String signingKeyId;
    private final HandoverRecipientKey recipient;
    private final Duration lifetime;
    private final Clock clock;

    public EidHandoverTokenWriter(String issuer, String audience, PrivateKey signingKey,
            X509Certificate signingCertificate, HandoverRecipientKey recipient, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(HandoverClaims.MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("The handover token lifetime must be between 0 and "
                    + HandoverClaims.MAX_LIFETIME);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.signer = new RSASSASigner(signingKey);
        this.signingKeyId = keyId(signingCertificate);
        this.recipient = recipient;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The compact JWE for {@code identity}, answering the auth-server's {@code state}. */
    public String write(CardIdentity identity, Purpose purpose, String state) throws HandoverKeyUnavailableException {
        RSAKey recipientKey = recipient.current();
        try {
            SignedJWT signed = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.PS256).type(new JOSEObjectType(TYPE)).keyID(signingKeyId).build(),
                    claims(identity, purpose, state));
            signed.sign(signer);
            JWEObject encrypted = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                            .contentType("JWT")
                            .keyID(recipientKey.getKeyID())
                            .build(),
                    new Payload(signed));
            encrypted.encrypt(new RSAEncrypter(recipientKey));
            return encrypted.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("The handover token could not be signed or encrypted", e);
        }
    }

    private JWTClaimsSet claims(CardIdentity identity, Purpose purpose, String state) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(HandoverClaims.STATE, state)
                .claim(HandoverClaims.PURPOSE, purpose.value())
                .claim(HandoverClaims.RESTRICTED_ID, identity.restrictedId())
                .claim(HandoverClaims.ACR, identity.acr())
                .claim(HandoverClaims.VERIFIED_AT, identity.verifiedAt().getEpochSecond())
                .claim(HandoverClaims.EVIDENCE_TYPE, HandoverClaims.EVIDENCE_TYPE_DOCUMENT)
                .claim(HandoverClaims.CHECK_METHOD, HandoverClaims.CHECK_METHOD_VCRYPT);
        optional(claims, HandoverClaims.GIVEN_NAME, identity.givenName());
        optional(claims, HandoverClaims.FAMILY_NAME, identity.familyName());
        optional(claims, HandoverClaims.BIRTH_FAMILY_NAME, identity.birthFamilyName());
        optional(claims, HandoverClaims.BIRTHDATE, identity.birthdate());
        place(claims, HandoverClaims.PLACE_OF_BIRTH, identity.placeOfBirth());
        place(claims, HandoverClaims.ADDRESS, identity.address());
        optional(claims, HandoverClaims.NATIONALITY, identity.nationality());
        optional(claims, HandoverClaims.DOCUMENT_TYPE, identity.documentType());
        optional(claims, HandoverClaims.ISSUING_STATE, identity.issuingState());
        return claims.build();
    }

    private static void optional(JWTClaimsSet.Builder claims, String name, Optional<String> value) {
        value.ifPresent(text -> claims.claim(name, text));
    }

    private static void place(JWTClaimsSet.Builder claims, String name, Map<String, String> place) {
        if (!place.isEmpty()) {
            claims.claim(name, place);
        }
    }

    /** The RFC 7638 thumbprint of the signing key, which the auth-server's reader uses as {@code kid}. */
    static String keyId(X509Certificate certificate) {
        try {
            return new RSAKey.Builder((RSAPublicKey) certificate.getPublicKey()).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not compute the thumbprint of the handover signing key", e);
        }
    }
}
