package de.buergerkonto.demoservices.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The two upstreams of a demo service, on one WireMock server: the auth-server's JWKS
 * ({@code /oauth2/jwks}, RS256 access tokens shaped like the auth-server's) and the gateway's
 * ({@code /.well-known/gateway-jwks.json}, ES256 gateway assertions after the contract), with keys
 * generated for this test run.
 */
public final class Upstreams implements AutoCloseable {

    public static final String GATEWAY_ISSUER = "http://localhost:8080";
    public static final Map<String, Object> ERIKA = Map.of(
            "given_name", "ERIKA",
            "family_name", "MUSTERMANN",
            "address", Map.of("street_address", "HEIDESTRASSE 17", "postal_code", "51147", "locality", "KOELN",
                    "country", "D"));

    private final WireMockServer server;
    private final RSAKey authServerKey = rsa("auth-server-key");
    private final ECKey gatewayKey = ec("gateway-key");
    private final ECKey unpublishedGatewayKey = ec("gateway-key");

    public Upstreams() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/oauth2/jwks"))
                .willReturn(okJson(new JWKSet(authServerKey.toPublicJWK()).toString())));
        server.stubFor(get(urlPathEqualTo("/.well-known/gateway-jwks.json"))
                .willReturn(okJson(new JWKSet(gatewayKey.toPublicJWK()).toString())));
    }

    /** The auth-server's issuer: the WireMock server, whose {@code /oauth2/jwks} holds the signing key. */
    public String issuer() {
        return server.baseUrl();
    }

    public String gatewayJwksUri() {
        return server.baseUrl() + "/.well-known/gateway-jwks.json";
    }

    /** A demo-cli access token of a citizen at {@code level}, changed by {@code claims}. */
    public String accessToken(String subject, AssuranceLevel level, Consumer<JWTClaimsSet.Builder> claims) {
        return accessTokenOfType("at+jwt", subject, level, claims);
    }

    /** Like {@link #accessToken}, with {@code typ} {@code type}: {@code JWT} is what an ID token says. */
    public String accessTokenOfType(String type, String subject, AssuranceLevel level, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience("demo-cli")
                .claim("client_id", "demo-cli")
                .claim("scope", "openid profile")
                .claim("acr", level.acr())
                .claim("amr", List.of("pwd", "otp", "mfa"))
                .claim("auth_time", now.minusSeconds(90).getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
        claims.accept(builder);
        return sign(rsaSigner(authServerKey), JWSAlgorithm.RS256, type, authServerKey.getKeyID(), builder.build());
    }

    public String accessToken(String subject, AssuranceLevel level) {
        return accessToken(subject, level, claims -> { });
    }

    /** A gateway assertion for {@code routeId} and {@code subject}, as the contract has it, changed by {@code claims}. */
    public String assertion(String routeId, String subject, Map<String, Object> attributes,
            Consumer<JWTClaimsSet.Builder> claims) {
        return sign(gatewaySigner(gatewayKey), JWSAlgorithm.ES256, "gateway+jwt", gatewayKey.getKeyID(),
                assertionClaims(routeId, subject, attributes, claims));
    }

    public String assertion(String routeId, String subject, Map<String, Object> attributes) {
        return assertion(routeId, subject, attributes, claims -> { });
    }

    /** Signed by a key the gateway never published, under the published key's id. */
    public String forgedAssertion(String routeId, String subject) {
        return sign(gatewaySigner(unpublishedGatewayKey), JWSAlgorithm.ES256, "gateway+jwt",
                gatewayKey.getKeyID(), assertionClaims(routeId, subject, Map.of(), claims -> { }));
    }

    /** Valid claims and key, but {@code typ} {@code type} (or none when null). */
    public String assertionOfType(String type, String routeId, String subject) {
        return sign(gatewaySigner(gatewayKey), JWSAlgorithm.ES256, type, gatewayKey.getKeyID(),
                assertionClaims(routeId, subject, Map.of(), claims -> { }));
    }

    /** Valid claims, signed with the right key but without a {@code kid}. */
    public String assertionWithoutKeyId(String routeId, String subject) {
        return sign(gatewaySigner(gatewayKey), JWSAlgorithm.ES256, "gateway+jwt", null,
                assertionClaims(routeId, subject, Map.of(), claims -> { }));
    }

    /** HS256 keyed with the gateway's public key: the algorithm-confusion attack. */
    public String hmacAssertion(String routeId, String subject) {
        try {
            byte[] secret = gatewayKey.toPublicJWK().toJSONString().repeat(2).getBytes();
            return sign(new MACSigner(secret), JWSAlgorithm.HS256, "gateway+jwt", gatewayKey.getKeyID(),
                    assertionClaims(routeId, subject, Map.of(), claims -> { }));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWT ({@code alg: none}) with valid claims. */
    public String unsecuredAssertion(String routeId, String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"gateway+jwt\"}".getBytes());
        String payload = base64.encodeToString(assertionClaims(routeId, subject, Map.of(), claims -> { })
                .toString().getBytes());
        return header + "." + payload + ".";
    }

    private JWTClaimsSet assertionClaims(String routeId, String subject, Map<String, Object> attributes,
            Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(GATEWAY_ISSUER)
                .audience(routeId)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString())
                .claim("request_id", requestId)
                .claim("attributes", attributes);
        claims.accept(builder);
        return builder.build();
    }

    private static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner gatewaySigner(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, String type, String keyId, JWTClaimsSet claims) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(keyId);
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
