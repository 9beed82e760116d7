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
 * @param browser browser mode: the gateway as the auth-server's OAuth client, its session and step-up
 * @param assertion the signed statement the gateway adds to every forwarded request
 * @param admin the admin API and the route store in Redis
 */
@ConfigurationProperties("buergerkonto.gateway")
@Validated
public record GatewayProperties(
        @NotNull URI issuer,
        @NotNull @DefaultValue("30s") Duration clockSkew,
        @NotNull @Valid @DefaultValue Jwks jwks,
        @NotNull @Valid @DefaultValue List<ServiceRoute> routes,
        @NotNull @DefaultValue("1MB") DataSize maxRequestSize,
        @NotNull @Valid @DefaultValue RateLimits rateLimit,
        @NotNull @Valid @DefaultValue Browser browser,
        @NotNull @Valid @DefaultValue Assertion assertion,
        @NotNull @Valid @DefaultValue Admin admin) {

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
     * @param attributes the citizen's claims (from the auth-server's userinfo) the upstream receives in the
     *        gateway assertion; only names of {@link ReleasableAttributes}
     */
    public record ServiceRoute(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+") String id,
            @NotNull @Pattern(regexp = "(/[A-Za-z0-9._~-]+)+", message = "must be a path prefix like /bewohnerparken") String path,
            String host,
            @NotNull URI uri,
            @NotNull AssuranceLevel level,
            @NotNull @DefaultValue List<@NotBlank String> scopes,
            Duration maxAge,
            @NotEmpty List<@NotBlank String> audiences,
            @NotNull @DefaultValue List<@NotBlank String> attributes) {

        @AssertTrue(message = "attributes must be claims the auth-server's userinfo can release, e.g. given_name, family_name, address")
        public boolean isAttributesKnown() {
            return attributes == null || ReleasableAttributes.NAMES.containsAll(attributes);
        }

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

    /**
     * Browser mode: requests without a bearer token are served from a session in Redis, logged in
     * through the auth-server with authorization code + PKCE as the confidential client {@code clientId}.
     *
     * @param clientId the gateway's client id at the auth-server (the {@code aud} of its access tokens)
     * @param clientSecret its secret ({@code client_secret_basic})
     * @param scopes the scopes asked for at login
     * @param sessionCookie the session cookie's name; not {@code SESSION}, which the auth-server uses on the same host
     * @param stepUp how often a route may send the browser to the auth-server before the gateway gives up
     */
    public record Browser(
            @NotBlank @DefaultValue("gateway") String clientId,
            @NotBlank String clientSecret,
            @NotEmpty @DefaultValue({"openid", "profile", "address"}) List<@NotBlank String> scopes,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+") @DefaultValue("BK_GATEWAY_SESSION") String sessionCookie,
            @NotNull @Valid @DefaultValue StepUp stepUp) {

        @AssertTrue(message = "the scopes must include openid")
        public boolean isOpenIdScope() {
            return scopes == null || scopes.contains("openid");
        }
    }

    /**
     * @param maxAttempts logins a route may start within {@code window} before the citizen sees the page
     *        that explains the missing level instead of another redirect
     * @param window how long an attempt counts
     */
    public record StepUp(@Positive @DefaultValue("2") int maxAttempts, @NotNull @DefaultValue("5m") Duration window) {
    }

    /**
     * The gateway assertion ({@code X-Buergerkonto-Gateway}, docs/gateway.md).
     *
     * @param issuer its {@code iss}
     * @param lifetime {@code exp - iat}, at most 60 seconds
     * @param attributesCacheTtl how long the userinfo claims read for one access token are reused
     */
    public record Assertion(
            @NotNull @DefaultValue("http://localhost:8080") URI issuer,
            @NotNull @DefaultValue("60s") Duration lifetime,
            @NotNull @DefaultValue("60s") Duration attributesCacheTtl,
            @NotNull @DefaultValue("30d") Duration keyRotation) {

        @AssertTrue(message = "lifetime must be between 1 and 60 seconds")
        public boolean isLifetimeShort() {
            return lifetime == null || (lifetime.compareTo(Duration.ofSeconds(1)) >= 0 && lifetime.compareTo(Duration.ofSeconds(60)) <= 0);
        }

        /** The previous key stays published for one period: far longer than an assertion lives and a JWKS is cached. */
        @AssertTrue(message = "key-rotation must be at least 1 hour")
        public boolean isKeyRotationLongEnough() {
            return keyRotation == null || keyRotation.compareTo(Duration.ofHours(1)) >= 0;
        }
    }

    /**
     * @param scope the scope an admin's access token must carry
     * @param keyPrefix the Redis keys of the route store and audit begin with this
     * @param pollInterval how often every instance compares its routes' version with Redis (besides pub/sub)
     * @param maxStaleness a policy not confirmed from Redis for this long is no policy: requests get 503
     */
    public record Admin(
            @NotBlank @DefaultValue("gateway.admin") String scope,
            @NotBlank @DefaultValue("gateway") String keyPrefix,
            @NotNull @DefaultValue("2s") Duration pollInterval,
            @NotNull @DefaultValue("10s") Duration maxStaleness) {
    }
}
