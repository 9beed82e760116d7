package de.buergerkonto.eidhandover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.buergerkonto.eidhandover.HandoverTokenException.Reason;

/** Writer and reader of the handover token: the round trip, and each check of the reader at its edge. */
class EidHandoverTokenTest {

    private static final Instant WRITTEN = Instant.parse("2026-03-01T10:00:00Z");
    private static final KeyPair ADAPTER = rsa();
    private static final KeyPair AUTH_SERVER = rsa();
    private static final X509Certificate ADAPTER_CERTIFICATE = selfSigned(ADAPTER);
    private static final X509Certificate AUTH_SERVER_CERTIFICATE = selfSigned(AUTH_SERVER);
    private static final String ISSUER = "https://eid.example/eid/metadata";
    private static final String AUDIENCE = "https://konto.example";
    private static final Duration SKEW = Duration.ofSeconds(5);

    private static final CardIdentity ERIKA = new CardIdentity("0f01ab", "http://eidas.europa.eu/LoA/high",
            WRITTEN.minusSeconds(3), Optional.of("ERIKA"), Optional.of("MUSTERMANN"), Optional.of("GABLER"),
            Optional.of("1964"), Map.of(HandoverClaims.FORMATTED, "BERLIN"),
            Map.of(HandoverClaims.STREET_ADDRESS, "HEIDESTRASSE 17", HandoverClaims.LOCALITY, "KOELN",
                    HandoverClaims.POSTAL_CODE, "51147", HandoverClaims.COUNTRY, "D"),
            Optional.empty(), Optional.of("ID"), Optional.of("D"));

    @Test
    void readWhenWrittenByTheAdapterThenAllClaimsArrive() throws Exception {
        EidHandover handover = reader(WRITTEN.plusSeconds(1), new HashSet<>()).read(token());

        assertThat(handover.state()).isEqualTo("state-1");
        assertThat(handover.purpose()).isEqualTo(Purpose.PROOF);
        assertThat(handover.card().restrictedId()).isEqualTo("0f01ab");
        assertThat(handover.card().acr()).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(handover.card().verifiedAt()).isEqualTo(WRITTEN.minusSeconds(3));
        assertThat(handover.card().birthdate()).contains("1964");
        assertThat(handover.card().placeOfBirth()).containsExactlyEntriesOf(Map.of(HandoverClaims.FORMATTED, "BERLIN"));
        assertThat(handover.card().address()).containsEntry(HandoverClaims.POSTAL_CODE, "51147")
                .doesNotContainKey(HandoverClaims.REGION);
        assertThat(handover.card().nationality()).isEmpty();
        assertThat(handover.toString()).doesNotContain("ERIKA").doesNotContain("0f01ab");
    }

    @Test
    void writeWhenWrittenThenJweRsaOaep256A256GcmWithCtyJwtAroundPs256() throws Exception {
        JWEObject jwe = JWEObject.parse(token());

        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(jwe.getHeader().getContentType()).isEqualTo("JWT");
        jwe.decrypt(new RSADecrypter(AUTH_SERVER.getPrivate()));
        SignedJWT jws = jwe.getPayload().toSignedJWT();
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
        assertThat(jws.getHeader().getType().getType()).isEqualTo(EidHandoverTokenWriter.TYPE);
        JWTClaimsSet claims = jws.getJWTClaimsSet();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
    }

    static Stream<Arguments> clockEdges() {
        return Stream.of(
                Arguments.of("one millisecond before iat minus skew", WRITTEN.minus(SKEW).minusMillis(1), false),
                Arguments.of("at iat minus skew", WRITTEN.minus(SKEW), true),
                Arguments.of("one millisecond before exp plus skew", WRITTEN.plusSeconds(60).plus(SKEW).minusMillis(1), true),
                Arguments.of("at exp plus skew", WRITTEN.plusSeconds(60).plus(SKEW), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clockEdges")
    void readWhenClockAtAnEdgeOfTheWindowThenAcceptedInsideOnly(String name, Instant now, boolean accepted)
            throws Exception {
        String token = token();

        HandoverTokenException refused = catchThrowableOfType(HandoverTokenException.class,
                () -> reader(now, new HashSet<>()).read(token));

        if (accepted) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused.reason()).isEqualTo(Reason.NOT_IN_TIME_WINDOW);
        }
    }

    @Test
    void readWhenSameTokenTwiceThenReplayed() throws Exception {
        Set<String> used = new HashSet<>();
        String token = token();
        reader(WRITTEN, used).read(token);

        HandoverTokenException refused = catchThrowableOfType(HandoverTokenException.class,
                () -> reader(WRITTEN, used).read(token));

        assertThat(refused.reason()).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void readWhenJtiStoreDownThenRefused() throws Exception {
        String token = token();
        EidHandoverTokenReader reader = new EidHandoverTokenReader(ISSUER, AUDIENCE,
                (RSAPublicKey) ADAPTER.getPublic(), AUTH_SERVER.getPrivate(), SKEW, (jti, until) -> {
                    throw new JtiStoreUnavailableException("down", null);
                }, Clock.fixed(WRITTEN, ZoneOffset.UTC));

        assertThat(catchThrowableOfType(HandoverTokenException.class, () -> reader.read(token)).reason())
                .isEqualTo(Reason.JTI_STORE_UNAVAILABLE);
    }

    static Stream<Arguments> attacks() throws Exception {
        KeyPair other = rsa();
        return Stream.of(
                Arguments.of("signed by another key", forge(other, AUTH_SERVER, claims(), JWSAlgorithm.PS256, EidHandoverTokenWriter.TYPE),
                        Reason.SIGNATURE_INVALID),
                Arguments.of("encrypted for another key", forge(ADAPTER, other, claims(), JWSAlgorithm.PS256, EidHandoverTokenWriter.TYPE),
                        Reason.DECRYPTION_FAILED),
                Arguments.of("another typ (e.g. an ID token)", forge(ADAPTER, AUTH_SERVER, claims(), JWSAlgorithm.PS256, "JWT"),
                        Reason.ALGORITHM_NOT_ALLOWED),
                Arguments.of("RS512 instead of PS256/RS256", forge(ADAPTER, AUTH_SERVER, claims(), JWSAlgorithm.RS512,
                        EidHandoverTokenWriter.TYPE), Reason.ALGORITHM_NOT_ALLOWED),
                Arguments.of("another audience", forge(ADAPTER, AUTH_SERVER, claims().audience("https://other.example").build(),
                        JWSAlgorithm.PS256, EidHandoverTokenWriter.TYPE), Reason.WRONG_ISSUER_OR_AUDIENCE),
                Arguments.of("another issuer", forge(ADAPTER, AUTH_SERVER, claims().issuer("https://other.example").build(),
                        JWSAlgorithm.PS256, EidHandoverTokenWriter.TYPE), Reason.WRONG_ISSUER_OR_AUDIENCE),
                Arguments.of("valid for 61 seconds", forge(ADAPTER, AUTH_SERVER,
                        claims().expirationTime(Date.from(WRITTEN.plusSeconds(61))).build(), JWSAlgorithm.PS256,
                        EidHandoverTokenWriter.TYPE), Reason.NOT_IN_TIME_WINDOW),
                Arguments.of("without jti", forge(ADAPTER, AUTH_SERVER, claims().jwtID(null).build(), JWSAlgorithm.PS256,
                        EidHandoverTokenWriter.TYPE), Reason.MALFORMED),
                Arguments.of("not a JWE", "eyJhbGciOiJub25lIn0.e30.", Reason.MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void readWhenTokenForgedOrMisdirectedThenRefusedByTheResponsibleCheck(String name, String token, Reason reason) {
        HandoverTokenException refused = catchThrowableOfType(HandoverTokenException.class,
                () -> reader(WRITTEN, new HashSet<>()).read(token));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
    }

    @Test
    void writerWhenLifetimeOverSixtySecondsThenRefusedAtConstruction() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new EidHandoverTokenWriter(ISSUER,
                AUDIENCE, ADAPTER.getPrivate(), ADAPTER_CERTIFICATE, new StaticRecipientKey(AUTH_SERVER_CERTIFICATE),
                Duration.ofSeconds(61), Clock.systemUTC()))).isNotNull();
    }

    private static String token() throws HandoverKeyUnavailableException {
        return new EidHandoverTokenWriter(ISSUER, AUDIENCE, ADAPTER.getPrivate(), ADAPTER_CERTIFICATE,
                new StaticRecipientKey(AUTH_SERVER_CERTIFICATE), Duration.ofSeconds(60), Clock.fixed(WRITTEN, ZoneOffset.UTC))
                .write(ERIKA, Purpose.PROOF, "state-1");
    }

    private static EidHandoverTokenReader reader(Instant now, Set<String> used) {
        return new EidHandoverTokenReader(ISSUER, AUDIENCE, (RSAPublicKey) ADAPTER.getPublic(),
                AUTH_SERVER.getPrivate(), SKEW, (jti, until) -> used.add(jti), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).issueTime(Date.from(WRITTEN))
                .notBeforeTime(Date.from(WRITTEN)).expirationTime(Date.from(WRITTEN.plusSeconds(60))).jwtID("jti-1")
                .claim(HandoverClaims.STATE, "s").claim(HandoverClaims.PURPOSE, "login")
                .claim(HandoverClaims.RESTRICTED_ID, "ab").claim(HandoverClaims.ACR, "http://eidas.europa.eu/LoA/high")
                .claim(HandoverClaims.VERIFIED_AT, WRITTEN.getEpochSecond());
    }

    private static String forge(KeyPair signer, KeyPair recipient, JWTClaimsSet.Builder claims, JWSAlgorithm algorithm,
            String type) throws Exception {
        return forge(signer, recipient, claims.build(), algorithm, type);
    }

    private static String forge(KeyPair signer, KeyPair recipient, JWTClaimsSet claims, JWSAlgorithm algorithm,
            String type) throws Exception {
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(algorithm)
                .type(new JOSEObjectType(type)).build(), claims);
        jws.sign(new RSASSASigner(signer.getPrivate()));
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .contentType("JWT").build(), new Payload(jws));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) recipient.getPublic()));
        return jwe.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys) {
        X500Name name = new X500Name("CN=test");
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(WRITTEN.minusSeconds(86400)), Date.from(WRITTEN.plusSeconds(86400)), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
