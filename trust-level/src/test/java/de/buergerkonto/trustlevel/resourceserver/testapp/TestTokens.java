package de.buergerkonto.trustlevel.resourceserver.testapp;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Access tokens shaped like the auth-server's (RFC 9068: {@code typ: at+jwt}, RS256, {@code acr},
 * {@code amr}, {@code auth_time} in seconds), signed with a key generated for this test run.
 */
public final class TestTokens {

    private final Clock clock;
    private final RSAKey key;
    private final RSAKey otherKey;

    TestTokens(Clock clock) throws JOSEException {
        this.clock = clock;
        this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        this.otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
    }

    RSAPublicKey publicKey() throws JOSEException {
        return key.toRSAPublicKey();
    }

    /** A citizen's token at {@code level}, logged in {@code age} ago. */
    public String citizen(AssuranceLevel level, Duration age, String scope) {
        return sign(key, new JOSEObjectType("at+jwt"), claims -> claims
                .claim("acr", level.acr())
                .claim("amr", List.of("pwd", "otp", "mfa"))
                .claim("auth_time", clock.instant().minus(age).getEpochSecond())
                .claim("scope", scope));
    }

    /** A token with the usual claims, changed by {@code claims}. */
    public String token(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(key, new JOSEObjectType("at+jwt"), claims);
    }

    /** Same claims, signed by a key the resource server does not know. */
    public String signedByOtherKey(AssuranceLevel level) {
        return sign(otherKey, new JOSEObjectType("at+jwt"), claims -> claims.claim("acr", level.acr())
                .claim("auth_time", clock.instant().getEpochSecond()));
    }

    /** A token whose header says {@code typ}, e.g. {@code JWT} for an ID token. */
    public String withType(String type, AssuranceLevel level) {
        return sign(key, new JOSEObjectType(type), claims -> claims.claim("acr", level.acr())
                .claim("auth_time", clock.instant().getEpochSecond()));
    }

    /** An unsecured JWT ({@code alg: none}, RFC 7519, section 6) claiming the highest level. */
    public String unsecured() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes());
        String payload = base64.encodeToString(claims(builder -> builder.claim("acr", AssuranceLevel.HIGH.acr())
                .claim("auth_time", clock.instant().getEpochSecond())).toString().getBytes());
        return header + "." + payload + ".";
    }

    private String sign(RSAKey signingKey, JOSEObjectType type, Consumer<JWTClaimsSet.Builder> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type)
                    .keyID(signingKey.getKeyID()).build(), claims(claims));
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(PermitsTestApplication.ISSUER)
                .subject("pairwise-subject-of-erika")
                .audience(PermitsTestApplication.AUDIENCE)
                .claim("client_id", PermitsTestApplication.AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
        claims.accept(builder);
        return builder.build();
    }
}
