package de.buergerkonto.gateway.policy;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.resourceserver.AssuranceAuthorizationManager;
import de.buergerkonto.trustlevel.resourceserver.StepUpChallenge;
import de.buergerkonto.trustlevel.resourceserver.TrustLevel;

/**
 * What a route demands of the validated access token: the audience it was issued for, the trust
 * level and freshness of the login behind it (RFC 9470, section 3, read as RFC 9068, section 2.2.1
 * puts {@code acr} and {@code auth_time} into access tokens), and its scopes (RFC 6750, section 3.1).
 *
 * <p>The checks run in that order: a token for another service is invalid here whatever it proves;
 * a step-up comes before a missing scope because a new login can bring both. Level and freshness
 * are judged by the trust-level library's {@link AssuranceAuthorizationManager}, so the gateway and
 * the services behind it decide alike: only canonical {@code acr} values count, no {@code acr} or an
 * unknown one is too weak, no {@code auth_time} is too old, exactly {@code maxAge} old is still fresh.
 *
 * @param level the minimum trust level
 * @param scopes scopes the token must all carry
 * @param maxAge the oldest login accepted, or {@code null} for no freshness requirement
 * @param audiences the {@code aud} or {@code client_id} values whose tokens are accepted, never empty
 */
public record RoutePolicy(AssuranceLevel level, Set<String> scopes, Duration maxAge, Set<String> audiences) {

    public RoutePolicy {
        Objects.requireNonNull(level, "level");
        scopes = Set.copyOf(scopes);
        audiences = Set.copyOf(audiences);
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("A route policy names the audiences or client ids it accepts");
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.getNano() != 0)) {
            throw new IllegalArgumentException("A maximum authentication age is zero or more whole seconds, got " + maxAge);
        }
    }

    /** The decision for one validated token. */
    public PolicyDecision decide(JwtAuthenticationToken authentication, Clock clock) {
        Jwt jwt = authentication.getToken();
        if (!isForThisRoute(jwt)) {
            return new PolicyDecision.WrongAudience();
        }
        AssuranceAuthorizationManager manager = TrustLevel.atLeast(level).withClock(clock);
        if (maxAge != null) {
            manager = manager.authenticatedWithin(maxAge);
        }
        AuthorizationResult assurance = manager.authorize(authentication);
        if (assurance instanceof StepUpChallenge challenge) {
            return new PolicyDecision.StepUp(challenge);
        }
        if (assurance == null || !assurance.isGranted()) {
            // any other denial (e.g. a token not marked authenticated) must not fall through to granted
            return new PolicyDecision.StepUp(maxAge == null ? StepUpChallenge.level(level) : StepUpChallenge.freshness(level, maxAge));
        }
        Set<String> granted = scopesOf(jwt);
        if (!granted.containsAll(scopes)) {
            return new PolicyDecision.InsufficientScope(new TreeSet<>(scopes));
        }
        // granted only now: the manager has checked that acr is one of the canonical values
        AssuranceLevel reached = AssuranceLevel.parse(jwt.getClaimAsString("acr")).orElseThrow();
        return new PolicyDecision.Granted(new VerifiedIdentity(jwt.getSubject(), reached));
    }

    private boolean isForThisRoute(Jwt jwt) {
        List<String> tokenAudiences = jwt.getAudience() == null ? List.of() : jwt.getAudience();
        return tokenAudiences.stream().anyMatch(audiences::contains)
                || Optional.ofNullable(jwt.getClaimAsString("client_id")).filter(audiences::contains).isPresent();
    }

    /** RFC 9068, section 2.2.3: {@code scope} is a space-separated string; a JSON array is read too. */
    private static Set<String> scopesOf(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        Set<String> scopes = new LinkedHashSet<>();
        if (scope instanceof String value) {
            scopes.addAll(Arrays.asList(value.trim().split("\\s+")));
        }
        else if (scope instanceof Collection<?> values) {
            values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
        }
        return scopes;
    }
}
