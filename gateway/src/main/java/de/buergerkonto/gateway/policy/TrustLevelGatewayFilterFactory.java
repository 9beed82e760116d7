package de.buergerkonto.gateway.policy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.browser.BrowserAccess;
import de.buergerkonto.gateway.browser.BrowserRequests;
import de.buergerkonto.gateway.error.ErrorResponses;
import de.buergerkonto.trustlevel.AssuranceLevel;
import reactor.core.publisher.Mono;

/**
 * {@code TrustLevel}: enforces a route's {@link RoutePolicy} on the validated bearer token.
 *
 * <p>The policy is the filter's own configuration when it names a level
 * ({@code TrustLevel=substantial, demo-cli, parking.apply, 15m}: level, audiences, scopes, max-age;
 * lists space-separated), otherwise the route's metadata ({@link RoutePolicyMetadata}), which is
 * where the configured service routes keep it.
 *
 * <p>A request in browser mode (no bearer token, see {@link BrowserRequests}) is judged on the
 * session's access token by {@link BrowserAccess}, which logs in or steps up instead of answering 401.
 *
 * <p>Failure policy: fail closed. No readable policy denies with {@code 403 access_denied}; a request
 * without a validated JWT (which Spring Security already refuses before routing) gets
 * {@code 401 invalid_token}. A granted request carries {@link VerifiedIdentity} and
 * {@link #ENFORCED_ATTRIBUTE}, without which {@link PolicyEnforcedGuard} lets nothing through.
 */
@Component
public class TrustLevelGatewayFilterFactory extends AbstractGatewayFilterFactory<TrustLevelGatewayFilterFactory.Config> {

    /** Set on an exchange once its route's policy granted it. */
    public static final String ENFORCED_ATTRIBUTE = TrustLevelGatewayFilterFactory.class.getName() + ".enforced";

    static final String NO_POLICY = "This route has no readable access policy";
    static final String NOT_AUTHENTICATED = "A valid access token is required";
    static final String WRONG_AUDIENCE = "The access token was not issued for this service";
    static final String INSUFFICIENT_SCOPE = "The access token lacks a scope this service needs";

    private final Clock clock;
    private final BrowserAccess browserAccess;
    private final String sessionCookie;

    public TrustLevelGatewayFilterFactory(Clock clock, BrowserAccess browserAccess, GatewayProperties properties) {
        super(Config.class);
        this.clock = clock;
        this.browserAccess = browserAccess;
        this.sessionCookie = properties.browser().sessionCookie();
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("level", "audiences", "scopes", "maxAge");
    }

    @Override
    public GatewayFilter apply(Config config) {
        Optional<RoutePolicy> configured = config.policy();
        return (exchange, chain) -> {
            Optional<RoutePolicy> policy = configured.isPresent() ? configured : policyOfRoute(exchange);
            if (policy.isEmpty()) {
                return ErrorResponses.write(exchange, HttpStatus.FORBIDDEN, "access_denied", NO_POLICY);
            }
            if (BrowserRequests.isBrowserMode(exchange, sessionCookie)) {
                Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
                return browserAccess.enforce(exchange, route == null ? "" : route.getId(), policy.get(),
                        (relayed, granted, accessToken) -> grant(relayed, granted, accessToken, chain::filter));
            }
            return exchange.getPrincipal()
                    .filter(JwtAuthenticationToken.class::isInstance).cast(JwtAuthenticationToken.class)
                    .map(token -> Map.entry(token, policy.get().decide(token, clock)))
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(decision -> decision.isEmpty() ? invalidToken(exchange, NOT_AUTHENTICATED)
                            : answer(exchange, decision.get().getValue(), decision.get().getKey().getToken(), chain::filter));
        };
    }

    private static Mono<Void> grant(ServerWebExchange exchange, PolicyDecision.Granted granted, Jwt accessToken,
            Function<ServerWebExchange, Mono<Void>> next) {
        exchange.getAttributes().put(VerifiedIdentity.ATTRIBUTE, granted.identity());
        exchange.getAttributes().put(VerifiedIdentity.ACCESS_TOKEN_ATTRIBUTE, accessToken);
        exchange.getAttributes().put(ENFORCED_ATTRIBUTE, Boolean.TRUE);
        return next.apply(exchange);
    }

    private static Optional<RoutePolicy> policyOfRoute(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? Optional.empty() : RoutePolicyMetadata.read(route.getMetadata());
    }

    private static Mono<Void> answer(ServerWebExchange exchange, PolicyDecision decision, Jwt accessToken,
            Function<ServerWebExchange, Mono<Void>> next) {
        if (decision instanceof PolicyDecision.Granted granted) {
            return grant(exchange, granted, accessToken, next);
        }
        if (decision instanceof PolicyDecision.StepUp stepUp) {
            return ErrorResponses.writeJson(exchange, HttpStatus.UNAUTHORIZED, stepUp.challenge().errorBody(),
                    stepUp.challenge().wwwAuthenticate());
        }
        if (decision instanceof PolicyDecision.InsufficientScope scope) {
            return ErrorResponses.write(exchange, HttpStatus.FORBIDDEN, "insufficient_scope", INSUFFICIENT_SCOPE,
                    "Bearer error=\"insufficient_scope\", error_description=\"" + INSUFFICIENT_SCOPE
                            + "\", scope=\"" + String.join(" ", scope.required()) + "\"");
        }
        return invalidToken(exchange, WRONG_AUDIENCE);
    }

    private static Mono<Void> invalidToken(ServerWebExchange exchange, String description) {
        return ErrorResponses.write(exchange, HttpStatus.UNAUTHORIZED, "invalid_token", description,
                "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    /**
     * The policy of a route declared in YAML; empty {@code level} means: read it from the route's metadata.
     * Scopes and audiences are lists whose items may also be space-separated.
     */
    @Validated
    public static class Config {

        private String level;
        private List<String> scopes = new ArrayList<>();
        private Duration maxAge;
        private List<String> audiences = new ArrayList<>();

        @AssertTrue(message = "level must be a known trust level, and a route with a level names its audiences")
        public boolean isPolicyReadable() {
            return level == null || policy().isPresent();
        }

        Optional<RoutePolicy> policy() {
            if (level == null) {
                return Optional.empty();
            }
            Optional<AssuranceLevel> parsed = AssuranceLevel.parse(level);
            var audienceSet = RoutePolicyMetadata.words(audiences);
            if (parsed.isEmpty() || audienceSet.isEmpty()
                    || (maxAge != null && (maxAge.isNegative() || maxAge.getNano() != 0))) {
                return Optional.empty();
            }
            return Optional.of(new RoutePolicy(parsed.get(), RoutePolicyMetadata.words(scopes), maxAge, audienceSet));
        }

        public String getLevel() {
            return level;
        }

        public Config setLevel(String level) {
            this.level = level;
            return this;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public Config setScopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public Config setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        public List<String> getAudiences() {
            return audiences;
        }

        public Config setAudiences(List<String> audiences) {
            this.audiences = audiences;
            return this;
        }
    }
}
