package de.buergerkonto.gateway.policy;

import java.util.SortedSet;

import de.buergerkonto.trustlevel.resourceserver.StepUpChallenge;

/** The outcome of {@link RoutePolicy#decide}: one granted case and one case per answer the client gets. */
public sealed interface PolicyDecision {

    /** The token meets the route's policy; the upstream may learn who it is. */
    record Granted(VerifiedIdentity identity) implements PolicyDecision {
    }

    /** The token was issued for another service: {@code 401 invalid_token}. */
    record WrongAudience() implements PolicyDecision {
    }

    /** The login behind the token is too weak or too old: {@code 401 insufficient_user_authentication} (RFC 9470). */
    record StepUp(StepUpChallenge challenge) implements PolicyDecision {
    }

    /** The token lacks scopes: {@code 403 insufficient_scope} (RFC 6750, section 3.1), naming all the route needs. */
    record InsufficientScope(SortedSet<String> required) implements PolicyDecision {
    }
}
