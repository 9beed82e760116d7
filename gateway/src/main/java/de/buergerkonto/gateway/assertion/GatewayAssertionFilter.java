package de.buergerkonto.gateway.assertion;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.hygiene.RequestIdWebFilter;
import de.buergerkonto.gateway.policy.PolicyEnforcedGuard;
import de.buergerkonto.gateway.policy.RoutePolicyMetadata;
import de.buergerkonto.gateway.policy.VerifiedIdentity;
import reactor.core.publisher.Mono;

/**
 * The gateway assertion for every granted request (docs/gateway.md, the contract with the
 * services): a compact JWS, {@code typ: gateway+jwt}, ES256 with the shared {@link GatewayKeys},
 * claims {@code iss}, {@code aud} = the route id, {@code iat}, {@code exp} (at most 60 s later),
 * {@code jti}, {@code request_id}, {@code sub} of the access token and {@code attributes} (the
 * route's released claims, {@code {}} when none). It proves to the service that the request came
 * through the gateway and that this route's policy granted it. {@code IdentityHeadersFilter} puts it
 * into {@value #HEADER} after removing any copy a client sent.
 */
@Component
public class GatewayAssertionFilter implements GlobalFilter, Ordered {

    public static final String HEADER = "X-Buergerkonto-Gateway";
    public static final String ATTRIBUTE = GatewayAssertionFilter.class.getName();

    private final GatewayKeys keys;
    private final CitizenAttributes attributes;
    private final GatewayProperties.Assertion settings;
    private final Clock clock;
    private final AtomicReference<AssertionSigner> signer = new AtomicReference<>();

    public GatewayAssertionFilter(GatewayKeys keys, CitizenAttributes attributes, GatewayProperties properties, Clock clock) {
        this.keys = keys;
        this.attributes = attributes;
        this.settings = properties.assertion();
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        VerifiedIdentity identity = exchange.getAttribute(VerifiedIdentity.ATTRIBUTE);
        Jwt accessToken = exchange.getAttribute(VerifiedIdentity.ACCESS_TOKEN_ATTRIBUTE);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (identity == null || accessToken == null || route == null) {
            // nothing granted: PolicyEnforcedGuard has already refused the request
            return chain.filter(exchange);
        }
        List<String> released = RoutePolicyMetadata.attributes(route.getMetadata());
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestIdWebFilter.HEADER);
        return attributes.released(accessToken, released)
                .zipWith(keys.signingKey())
                .map(claimsAndKey -> sign(claimsAndKey.getT2(), route.getId(), requestId, identity.subject(), claimsAndKey.getT1()))
                .flatMap(assertion -> {
                    exchange.getAttributes().put(ATTRIBUTE, assertion);
                    return chain.filter(exchange);
                });
    }

    String sign(ECKey key, String routeId, String requestId, String subject, Map<String, Object> released) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer().toString())
                .audience(routeId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.lifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("request_id", requestId)
                .subject(subject)
                .claim("attributes", released)
                .build();
        return signerFor(key).sign(claims);
    }

    private AssertionSigner signerFor(ECKey key) {
        AssertionSigner current = signer.get();
        if (current == null || !current.isFor(key)) {
            current = new AssertionSigner(key);
            signer.set(current);
        }
        return current;
    }

    @Override
    public int getOrder() {
        return PolicyEnforcedGuard.ORDER + 1;
    }
}
