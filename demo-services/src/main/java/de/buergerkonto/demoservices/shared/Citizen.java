package de.buergerkonto.demoservices.shared;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Who a request is for, as this service sees it: from the validated access token the pairwise
 * subject, the level and how the citizen logged in; from the gateway assertion the attributes the
 * route releases.
 */
public record Citizen(String subject, String acr, AssuranceLevel level, List<String> amr, Instant authTime,
        Map<String, Object> attributes) {

    /** Only called once the trust-level check has passed, so the token's {@code acr} is canonical. */
    public static Citizen of(Jwt token, GatewayAssertion assertion) {
        String acr = token.getClaimAsString("acr");
        List<String> amr = token.getClaimAsStringList("amr");
        return new Citizen(token.getSubject(), acr, AssuranceLevel.parse(acr).orElseThrow(),
                amr == null ? List.of() : amr, token.getClaimAsInstant("auth_time"), assertion.attributes());
    }

    /** {@code GET <prefix>/api/me}: the names of the contract, {@code auth_time} in seconds like in the token. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", subject);
        json.put("acr", acr);
        json.put("level", level.shortName());
        json.put("amr", amr);
        json.put("auth_time", authTime == null ? null : authTime.getEpochSecond());
        json.put("attributes", attributes);
        return json;
    }

    /** A released attribute that is a string, e.g. {@code given_name}. */
    public String text(String name) {
        return attributes.get(name) instanceof String value ? value : null;
    }

    /** The OpenID Connect {@code address} claim's member, e.g. {@code postal_code}; null when not released. */
    public String address(String member) {
        return attributes.get("address") instanceof Map<?, ?> address && address.get(member) instanceof String value
                ? value : null;
    }

    /** Given and family name when released, else null. */
    public String name() {
        String given = text("given_name");
        String family = text("family_name");
        return given == null || family == null ? null : given + " " + family;
    }
}
