package de.buergerkonto.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import de.buergerkonto.gateway.policy.RoutePolicy;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * {@code buergerkonto.gateway.*}: the issuer whose access tokens the gateway accepts, the service
 * routes with their access policy, and the limits every request meets. Invalid values fail the
 * startup with a message naming the property.
 *
 * @param issuer the auth-server's issuer identifier; its JWKS is read from {@code <issuer>/oauth2/jwks}
 * @param clockSkew how far {@code exp} and {@code nbf} may be off
 * @param jwks when the cached JWKS is read again
 * @param routes the online services behind the gateway, tried in this order
 * @param maxRequestSize a larger request body is refused with 413
 * @param rateLimit requests per time window per citizen and per client address
 */
@ConfigurationProperties("buergerkonto.gateway")
@Validated
public record GatewayProperties(
        @NotNull URI issuer,
        @NotNull @DefaultValue("30s") Duration clockSkew,
        @NotNull @Valid @DefaultValue Jwks jwks,
        @NotNull @Valid @DefaultValue List<ServiceRoute> routes,
        @NotNull @DefaultValue("1MB") DataSize maxRequestSize,
        @NotNull @Valid @DefaultValue RateLimits rateLimit) {

    @AssertTrue(message = "route ids must be unique")
    public boolean isRouteIdsUnique() {
        Set<String> ids = new HashSet<>();
        return routes == null || routes.stream().allMatch(route -> route.id() == null || ids.add(route.id()));
    }

    /**
     * @param refreshAfter a cached JWKS older than this is read again when a token needs a key
     * @param minRefetchInterval a token with an unknown {@code kid} triggers a read at most this often
     */
    public record Jwks(@NotNull @DefaultValue("5m") Duration refreshAfter,
            @NotNull @DefaultValue("10s") Duration minRefetchInterval) {
    }

    /**
     * One online service behind the gateway.
     *
     * @param id the route id, also in metrics
     * @param path the path prefix, e.g. {@code /bewohnerparken}: the prefix itself and everything below it;
     *        forwarded unchanged
     * @param host an optional host pattern ({@code Host} predicate), e.g. {@code **.hagen.de}
     * @param uri the upstream service
     * @param level the minimum trust level, in any accepted form
     * @param scopes scopes the access token must all carry
     * @param maxAge the oldest login ({@code auth_time}) accepted, whole seconds; none when absent
     * @param audiences the {@code aud} or {@code client_id} values whose tokens this route accepts
     */
    public record ServiceRoute(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+") String id,
            @NotNull @Pattern(regexp = "(/[A-Za-z0-9._~-]+)+", message = "must be a path prefix like /bewohnerparken") String path,
            String host,
            @NotNull URI uri,
            @NotNull AssuranceLevel level,
            @NotNull @DefaultValue List<@NotBlank String> scopes,
            Duration maxAge,
            @NotEmpty List<@NotBlank String> audiences) {

        @AssertTrue(message = "max-age must be zero or more whole seconds")
        public boolean isMaxAgeWholeSeconds() {
            return maxAge == null || (!maxAge.isNegative() && maxAge.getNano() == 0);
        }

        /** The access policy this route enforces. */
        public RoutePolicy policy() {
            return new RoutePolicy(level, Set.copyOf(scopes), maxAge, Set.copyOf(audiences));
        }
    }

    /** A limit of {@code requests} per {@code window}, counted in Redis across all gateway instances. */
    public record RateLimit(@Positive int requests, @NotNull Duration window) {

        @AssertTrue(message = "window must be at least one second")
        public boolean isWindowAtLeastOneSecond() {
            return window == null || window.compareTo(Duration.ofSeconds(1)) >= 0;
        }
    }

    /**
     * @param perSubject per citizen: the pairwise {@code sub} of the validated token
     * @param perAddress per client address, as the gateway's socket sees it
     */
    public record RateLimits(
            @NotNull @Valid @DefaultValue({"600", "1m"}) RateLimit perSubject,
            @NotNull @Valid @DefaultValue({"1200", "1m"}) RateLimit perAddress) {
    }
}
