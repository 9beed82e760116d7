package de.buergerkonto.gateway.policy;

import java.util.Objects;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Who a granted request is for, as the validated access token says: its pairwise subject and the
 * level its {@code acr} proves. Kept as an exchange attribute for the headers the gateway vouches for.
 */
public record VerifiedIdentity(String subject, AssuranceLevel level) {

    /** The exchange attribute holding the identity of a granted request. */
    public static final String ATTRIBUTE = VerifiedIdentity.class.getName();

    /** The exchange attribute holding the validated access token ({@code Jwt}) of a granted request. */
    public static final String ACCESS_TOKEN_ATTRIBUTE = VerifiedIdentity.class.getName() + ".accessToken";

    public VerifiedIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(level, "level");
    }
}
