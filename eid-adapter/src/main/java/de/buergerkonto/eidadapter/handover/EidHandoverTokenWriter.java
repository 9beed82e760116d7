package de.buergerkonto.eidadapter.handover;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
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

import de.buergerkonto.eidadapter.identity.EidIdentity;
import de.buergerkonto.eidadapter.identity.EidPlace;

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
    public String write(EidIdentity identity, Purpose purpose, String state) throws HandoverKeyUnavailableException {
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

    private JWTClaimsSet claims(EidIdentity identity, Purpose purpose, String state) {
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
                .claim(HandoverClaims.ACR, identity.levelOfAssurance().acr())
                .claim(HandoverClaims.VERIFIED_AT, identity.authenticatedAt().getEpochSecond())
                .claim(HandoverClaims.EVIDENCE_TYPE, HandoverClaims.EVIDENCE_TYPE_DOCUMENT)
                .claim(HandoverClaims.CHECK_METHOD, HandoverClaims.CHECK_METHOD_VCRYPT);
        identity.givenNames().toOptional().ifPresent(value -> claims.claim(HandoverClaims.GIVEN_NAME, value));
        identity.familyNames().toOptional().ifPresent(value -> claims.claim(HandoverClaims.FAMILY_NAME, value));
        identity.birthName().toOptional().ifPresent(value -> claims.claim(HandoverClaims.BIRTH_FAMILY_NAME, value));
        identity.dateOfBirth().toOptional()
                .ifPresent(value -> claims.claim(HandoverClaims.BIRTHDATE, value.toIsoString()));
        identity.placeOfBirth().toOptional().map(place -> place(place, false))
                .ifPresent(value -> claims.claim(HandoverClaims.PLACE_OF_BIRTH, value));
        identity.placeOfResidence().toOptional().map(place -> place(place, true))
                .ifPresent(value -> claims.claim(HandoverClaims.ADDRESS, value));
        identity.nationality().toOptional().ifPresent(value -> claims.claim(HandoverClaims.NATIONALITY, value));
        identity.documentType().toOptional().ifPresent(value -> claims.claim(HandoverClaims.DOCUMENT_TYPE, value));
        identity.issuingState().toOptional().ifPresent(value -> claims.claim(HandoverClaims.ISSUING_STATE, value));
        return claims.build();
    }

    private static Map<String, Object> place(EidPlace place, boolean address) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (place instanceof EidPlace.FreeText text) {
            json.put(HandoverClaims.FORMATTED, text.text());
        } else if (place instanceof EidPlace.Structured structured) {
            if (address) {
                put(json, HandoverClaims.STREET_ADDRESS, structured.street());
                put(json, HandoverClaims.POSTAL_CODE, structured.zipCode());
            }
            put(json, HandoverClaims.LOCALITY, structured.city());
            put(json, HandoverClaims.REGION, structured.state());
            put(json, HandoverClaims.COUNTRY, structured.country());
        }
        return json;
    }

    private static void put(Map<String, Object> json, String name, Optional<String> value) {
        value.ifPresent(text -> json.put(name, text));
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
