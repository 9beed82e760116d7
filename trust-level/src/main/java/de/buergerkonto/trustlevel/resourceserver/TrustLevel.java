package de.buergerkonto.trustlevel.resourceserver;

import java.time.Clock;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The one-line entry for resource servers (RFC 9470, section 3):
 * <pre>{@code
 * .requestMatchers("/permits/**").access(TrustLevel.atLeast(SUBSTANTIAL).authenticatedWithin(Duration.ofMinutes(15)))
 * }</pre>
 * with {@code .oauth2ResourceServer(rs -> rs.jwt(withDefaults()).accessDeniedHandler(new StepUpAccessDeniedHandler()))}
 * so that a denial answers with the step-up challenge.
 */
public final class TrustLevel {

    private TrustLevel() {
    }

    /** Access for tokens at {@code level} or higher. */
    public static AssuranceAuthorizationManager atLeast(AssuranceLevel level) {
        return new AssuranceAuthorizationManager(level, null, Clock.systemUTC());
    }

    /** Like {@link #atLeast(AssuranceLevel)} with the level in any accepted form, e.g. from configuration. */
    public static AssuranceAuthorizationManager atLeast(String level) {
        return atLeast(AssuranceLevel.require(level));
    }
}
