import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * For bench/gateway.sh, run as a single-file program with Nimbus on the class path:
 * {@code java -cp nimbus-jose-jwt.jar GatewayBenchToken.java <issuer> <jwks file> <token file>}.
 * Writes a fresh RSA public key as a JWKS and an access token shaped like the auth-server's
 * (RFC 9068, basic level, valid for one hour).
 */
public class GatewayBenchToken {

    public static void main(String[] args) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(args[0]).subject("bench-citizen")
                .audience("demo-cli").claim("client_id", "demo-cli").claim("scope", "openid")
                .claim("acr", "urn:buergerkonto:loa:basic").claim("amr", List.of("pwd"))
                .claim("auth_time", now.getEpochSecond()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        Files.writeString(Path.of(args[1]), new JWKSet(key.toPublicJWK()).toString());
        Files.writeString(Path.of(args[2]), jwt.serialize());
    }
}
