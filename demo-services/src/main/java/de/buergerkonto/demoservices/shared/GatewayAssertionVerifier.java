package de.buergerkonto.demoservices.shared;

import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * Verifies the gateway assertion ({@code X-Buergerkonto-Gateway}), the proof that a request came
 * through the gateway for this service's route: a compact JWS with {@code alg} ES256 only,
 * {@code typ} {@code gateway+jwt}, a {@code kid} of the gateway's published JWKS; {@code iss} the
 * gateway's issuer, {@code aud} this route id, {@code exp} not passed, {@code iat} not in the
 * future and at most {@code max-lifetime} before {@code exp}, and {@code jti}, {@code sub},
 * {@code request_id} and {@code attributes} present.
 *
 * <p>Nimbus's {@link DefaultJWTProcessor} does the signature, type and claim checks (it refuses
 * unsecured JWTs and every algorithm but the one named here). The JWKS is cached and read again
 * for an unknown {@code kid} at most every ten seconds, so made-up key ids cannot flood the gateway.
 */
public final class GatewayAssertionVerifier {

    static final JOSEObjectType TYPE = new JOSEObjectType("gateway+jwt");
    private static final Set<String> REQUIRED_CLAIMS = Set.of("iat", "exp", "jti", "sub", "request_id", "attributes");
    private static final long JWKS_TTL_MILLIS = Duration.ofMinutes(5).toMillis();
    private static final long JWKS_REFRESH_TIMEOUT_MILLIS = Duration.ofSeconds(5).toMillis();
    private static final long JWKS_MIN_REFETCH_MILLIS = Duration.ofSeconds(10).toMillis();
    // Nimbus's default of 500 ms fails a gateway busy starting up or under load; a request waits at most this
    private static final int JWKS_TIMEOUT_MILLIS = (int) Duration.ofSeconds(2).toMillis();
    private static final int JWKS_SIZE_LIMIT_BYTES = 50 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Duration maxLifetime;
    private final Duration clockSkew;
    private final Clock clock;

    GatewayAssertionVerifier(JWKSource<SecurityContext> keys, String issuer, String routeId, Duration maxLifetime,
            Duration clockSkew, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(routeId,
                new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED_CLAIMS);
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The verifier for this service, reading the gateway's keys from its configured JWKS URL. */
    public static GatewayAssertionVerifier of(DemoServiceProperties properties, Clock clock) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .<SecurityContext>create(properties.gateway().jwksUri().toURL(),
                            new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES))
                    .cache(JWKS_TTL_MILLIS, JWKS_REFRESH_TIMEOUT_MILLIS)
                    .rateLimited(JWKS_MIN_REFETCH_MILLIS)
                    .build();
            return new GatewayAssertionVerifier(keys, properties.gateway().issuer().toString(), properties.routeId(),
                    properties.gateway().maxLifetime(), properties.clockSkew(), clock);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("buergerkonto.demo-service.gateway.jwks-uri is not a URL", e);
        }
    }

    /** The assertion's content when every check passes. */
    public GatewayAssertion verify(String compactJws) throws GatewayAssertionException {
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(compactJws);
            if (jwt.getHeader().getKeyID() == null) {
                throw GatewayAssertionException.invalid("no kid in the header");
            }
            claims = processor.process(jwt, null);
        } catch (KeySourceException e) {
            throw new GatewayAssertionException("the gateway's JWKS could not be read: " + e.getMessage(), true);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw GatewayAssertionException.invalid(e.getMessage());
        }
        checkLifetime(claims.getIssueTime(), claims.getExpirationTime());
        return new GatewayAssertion(claims.getSubject(), stringClaim(claims, "request_id"), attributes(claims));
    }

    private void checkLifetime(Date issuedAt, Date expires) throws GatewayAssertionException {
        if (issuedAt.toInstant().isAfter(clock.instant().plus(clockSkew))) {
            throw GatewayAssertionException.invalid("iat is in the future");
        }
        if (Duration.between(issuedAt.toInstant(), expires.toInstant()).compareTo(maxLifetime) > 0) {
            throw GatewayAssertionException.invalid("lives longer than " + maxLifetime.toSeconds() + " s");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws GatewayAssertionException {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw GatewayAssertionException.invalid(name + " is not a string");
        }
    }

    private static Map<String, Object> attributes(JWTClaimsSet claims) throws GatewayAssertionException {
        try {
            return claims.getJSONObjectClaim("attributes");
        } catch (ParseException e) {
            throw GatewayAssertionException.invalid("attributes is not a JSON object");
        }
    }
}
