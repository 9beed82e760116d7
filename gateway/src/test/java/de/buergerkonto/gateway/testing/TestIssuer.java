package de.buergerkonto.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The auth-server as the gateway sees it: a JWKS at {@code /oauth2/jwks} on a WireMock server, and
 * access tokens shaped like the auth-server's (RFC 9068: RS256, {@code typ: at+jwt}, {@code acr},
 * {@code amr}, {@code auth_time}, {@code scope}, {@code client_id}) signed with keys generated here.
 */
public final class TestIssuer {

    public static final String CLIENT = "demo-cli";

    private final WireMockServer server;
    private final Clock clock;
    private final RSAKey unpublished;
    private RSAKey current;
    private StubMapping jwks;
    private int generation;

    public TestIssuer(WireMockServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
        this.unpublished = generate("never-published");
        this.current = generate("key-" + generation);
        publish(current);
    }

    public String issuer() {
        return server.baseUrl();
    }

    /** A new signing key: the JWKS now holds only the new one, as after a rotation that retired the old key. */
    public void rotate() {
        generation++;
        current = generate("key-" + generation);
        publish(current);
    }

    /** A citizen's token at {@code level}, logged in {@code age} ago, for {@link #CLIENT}. */
    public String citizen(AssuranceLevel level, Duration age, String scope) {
        return token(claims -> claims.claim("acr", level.acr())
                .claim("auth_time", clock.instant().minus(age).getEpochSecond())
                .claim("scope", scope));
    }

    public String citizen(AssuranceLevel level) {
        return citizen(level, Duration.ofMinutes(1), "openid");
    }

    /** A substantial token with the usual claims, changed by {@code claims}. */
    public String token(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(current, current.getKeyID(), new JOSEObjectType("at+jwt"), claims);
    }

    /** A token of {@code type} ({@code JWT}: what an ID token says), otherwise valid. */
    public String withType(JOSEObjectType type) {
        return sign(current, current.getKeyID(), type, claims -> { });
    }

    /** Signed by a key the JWKS never had, under a key id it does not know. */
    public String signedByUnknownKey() {
        return sign(unpublished, unpublished.getKeyID(), new JOSEObjectType("at+jwt"), claims -> { });
    }

    /** Signed by a key the JWKS never had, under the key id of the published key. */
    public String signedByImpostorUnderKnownKeyId() {
        return sign(unpublished, current.getKeyID(), new JOSEObjectType("at+jwt"), claims -> { });
    }

    /** HS256 with the published RSA public key as the secret: the old algorithm-confusion attack. */
    public String hmacWithPublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(current.getKeyID()).build(), claims(claims -> { }));
            jwt.sign(new MACSigner(current.toPublicJWK().toJSONString().getBytes()));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An unsecured JWT ({@code alg: none}, RFC 7519, section 6) claiming the highest level. */
    public String unsecured() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes());
        String payload = base64.encodeToString(claims(claims -> claims.claim("acr", AssuranceLevel.HIGH.acr()))
                .toString().getBytes());
        return header + "." + payload + ".";
    }

    private String sign(RSAKey key, String keyId, JOSEObjectType type, Consumer<JWTClaimsSet.Builder> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(keyId).build(),
                    claims(claims));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("pairwise-" + UUID.randomUUID())
                .audience(CLIENT)
                .claim("client_id", CLIENT)
                .claim("scope", "openid")
                .claim("acr", AssuranceLevel.SUBSTANTIAL.acr())
                .claim("amr", List.of("pwd", "otp", "mfa"))
                .claim("auth_time", now.minusSeconds(60).getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
        claims.accept(builder);
        return builder.build();
    }

    private void publish(RSAKey key) {
        if (jwks != null) {
            server.removeStub(jwks);
        }
        jwks = server.stubFor(get(urlPathEqualTo("/oauth2/jwks")).atPriority(1)
                .willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
