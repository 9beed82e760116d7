package de.buergerkonto.demoservices.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A verified gateway assertion (contract in docs/demo-services.md): the request came through the
 * gateway for this service's route, on behalf of {@code subject}, with the attributes the route
 * releases.
 *
 * @param subject the access token's {@code sub} the gateway saw
 * @param requestId the gateway's {@code X-Request-Id} when it made the assertion
 * @param attributes the claims the route releases, e.g. {@code given_name}, {@code address}; empty when none
 */
public record GatewayAssertion(String subject, String requestId, Map<String, Object> attributes) {

    /** The request attribute under which a verified assertion is kept for the rest of the request. */
    public static final String ATTRIBUTE = "de.buergerkonto.demoservices.shared.GatewayAssertion";

    /** The request header carrying the assertion, a compact JWS. */
    public static final String HEADER = "X-Buergerkonto-Gateway";

    public GatewayAssertion {
        // JSON may hold nulls, which Map.copyOf refuses
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
