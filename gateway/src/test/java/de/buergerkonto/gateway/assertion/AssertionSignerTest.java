package de.buergerkonto.gateway.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The hand-assembled compact JWS is one any JOSE library reads and verifies, with the header the contract names. */
class AssertionSignerTest {

    @Test
    void signedAssertionWhenParsedThenVerifiesWithThePublicKeyAndCarriesHeaderAndClaims() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("assertion-key-1").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080").audience("stadt-news")
                .subject("pairwise-subject").issueTime(new Date(1_800_000_000_000L)).expirationTime(new Date(1_800_000_060_000L))
                .jwtID("jti-1").claim("request_id", "request-1")
                .claim("attributes", Map.of("given_name", "Erika", "address", Map.of("locality", "Köln"))).build();
        AssertionSigner signer = new AssertionSigner(key);

        for (int round = 0; round < 2; round++) {
            SignedJWT parsed = SignedJWT.parse(signer.sign(claims));

            assertThat(parsed.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
            assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(parsed.getHeader().getType()).isEqualTo(AssertionSigner.TYPE);
            assertThat(parsed.getHeader().getKeyID()).isEqualTo("assertion-key-1");
            assertThat(parsed.getJWTClaimsSet().toJSONObject()).isEqualTo(claims.toJSONObject());
        }
    }

    @Test
    void signatureWhenKeyReplacedThenOnlyTheNewKeyVerifies() throws Exception {
        ECKey first = new ECKeyGenerator(Curve.P_256).keyID("first").generate();
        ECKey second = new ECKeyGenerator(Curve.P_256).keyID("second").generate();
        AssertionSigner signer = new AssertionSigner(second);

        SignedJWT parsed = SignedJWT.parse(signer.sign(new JWTClaimsSet.Builder().subject("s").build()));

        assertThat(signer.isFor(second)).isTrue();
        assertThat(signer.isFor(first)).isFalse();
        assertThat(parsed.verify(new ECDSAVerifier(second.toECPublicKey()))).isTrue();
        assertThat(parsed.verify(new ECDSAVerifier(first.toECPublicKey()))).isFalse();
    }
}
