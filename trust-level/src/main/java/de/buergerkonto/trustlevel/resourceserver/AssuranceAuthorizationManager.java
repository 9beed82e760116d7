package de.buergerkonto.trustlevel.resourceserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Grants access when the validated JWT access token proves a user authentication at least at a
 * trust level and, optionally, no older than a maximum age: the resource server's side of
 * OAuth 2.0 Step-Up Authentication (RFC 9470, section 3), reading {@code acr} and
 * {@code auth_time} as RFC 9068, section 2.2.1 puts them into access tokens.
 *
 * <p>Fails closed: a token without {@code acr}, with an {@code acr} that is not one of our
 * canonical values, or without {@code auth_time} when freshness is required is insufficient, and
 * the denial is a {@link StepUpChallenge} that {@link StepUpAccessDeniedHandler} turns into the
 * RFC 9470 challenge. Only the token counts, never what a request asked for. Authentications
 * other than a {@link JwtAuthenticationToken} are denied without a challenge: they carry no level.
 *
 * <p>Usable for requests ({@code .access(...)}) and for methods: a {@code @PreAuthorize}
 * expression that yields this manager (a bean, {@code @PreAuthorize("@permitsLevel")}) is applied
 * as it is.
 */
public final class AssuranceAuthorizationManager implements AuthorizationManager<Object> {

    private final AssuranceLevel required;
    private final Duration maxAge;
    private final Clock clock;

    AssuranceAuthorizationManager(AssuranceLevel required, Duration maxAge, Clock clock) {
        this.required = Objects.requireNonNull(required, "required");
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Also requires the login ({@code auth_time}) to be no older than {@code maxAge}, in whole
     * seconds like {@code auth_time}; exactly {@code maxAge} old is still fresh (OpenID Connect
     * Core 1.0, section 3.1.2.1: re-authentication when the elapsed time is greater).
     */
    public AssuranceAuthorizationManager authenticatedWithin(Duration maxAge) {
        if (maxAge.isNegative() || maxAge.getNano() != 0) {
            throw new IllegalArgumentException("A maximum authentication age is zero or more whole seconds, got " + maxAge);
        }
        return new AssuranceAuthorizationManager(required, maxAge, clock);
    }

    /** The clock freshness is judged by; the system clock unless a test or an application gives one. */
    public AssuranceAuthorizationManager withClock(Clock clock) {
        return new AssuranceAuthorizationManager(required, maxAge, clock);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, Object object) {
        return authorize(authentication.get());
    }

    /** The decision for one authentication: granted, a {@link StepUpChallenge}, or a plain denial. */
    public AuthorizationResult authorize(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        Jwt jwt = token.getToken();
        Optional<AssuranceLevel> level = canonicalLevel(jwt.getClaims().get("acr"));
        if (level.isEmpty() || !level.get().isAtLeast(required)) {
            return StepUpChallenge.level(required);
        }
        if (maxAge != null && !isFresh(jwt.getClaims().get("auth_time"))) {
            return StepUpChallenge.freshness(required, maxAge);
        }
        return new AuthorizationDecision(true);
    }

    private boolean isFresh(Object authTime) {
        if (!(authTime instanceof Number seconds)) {
            return false;
        }
        // a future auth_time (clocks apart) counts as fresh: the issuer is trusted for it and exp bounds the token
        return !clock.instant().isAfter(Instant.ofEpochSecond(seconds.longValue()).plus(maxAge));
    }

    private static Optional<AssuranceLevel> canonicalLevel(Object acr) {
        // tokens carry the one canonical form we issue; other spellings come from somewhere else
        return Arrays.stream(AssuranceLevel.values()).filter(level -> level.acr().equals(acr)).findFirst();
    }

    @Override
    public String toString() {
        return "AssuranceAuthorizationManager[atLeast=" + required.shortName()
                + (maxAge == null ? "" : ", authenticatedWithin=" + maxAge) + "]";
    }
}
