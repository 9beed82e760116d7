package de.buergerkonto.gateway.browser;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.error.ErrorResponses;
import de.buergerkonto.gateway.pages.Pages;
import de.buergerkonto.gateway.policy.PolicyDecision;
import de.buergerkonto.gateway.policy.RoutePolicy;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.resourceserver.StepUpChallenge;
import reactor.core.publisher.Mono;

/**
 * A route's policy for a request in browser mode. The session's access token (refreshed when it
 * has expired) is validated like a bearer token and judged by the same {@link RoutePolicy}: the
 * {@code acr} and {@code auth_time} the auth-server put into it count, never what the gateway asked
 * for. Then:
 * <ul>
 * <li>granted: the request goes on with {@code Authorization: Bearer <the session's token>} in place
 *     of whatever the browser sent;</li>
 * <li>no session, no usable token, or a login too weak or too old: the browser goes to the
 *     auth-server with the route's {@code acr_values} (and {@code max_age}), and comes back to the
 *     page it asked for; a script (no {@code Accept: text/html}) gets the 401 challenge instead;</li>
 * <li>a route that has started {@link StepUpAttempts its maximum of logins} within the window: a
 *     page that names the level the service needs and the one the account reached (403), no further
 *     redirect;</li>
 * <li>a token for another audience or without a scope: a 403 page (the route does not accept the
 *     gateway's tokens; a new login would not help).</li>
 * </ul>
 */
@Component
public class BrowserAccess {

    private static final Log log = LogFactory.getLog(BrowserAccess.class);

    public static final String LOGIN_PATH = "/oauth2/authorization/" + BrowserSecurityConfiguration.REGISTRATION_ID;

    private final DefaultReactiveOAuth2AuthorizedClientManager authorizedClients;
    private final ReactiveJwtDecoder accessTokenDecoder;
    private final WebSessionServerRequestCache requestCache;
    private final Pages pages;
    private final GatewayProperties properties;
    private final Clock clock;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    public BrowserAccess(DefaultReactiveOAuth2AuthorizedClientManager authorizedClients, ReactiveJwtDecoder accessTokenDecoder,
            WebSessionServerRequestCache browserRequestCache, Pages pages, GatewayProperties properties, Clock clock) {
        this.authorizedClients = authorizedClients;
        this.accessTokenDecoder = accessTokenDecoder;
        this.requestCache = browserRequestCache;
        this.pages = pages;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Decides a browser-mode request on {@code routeId} with {@code policy}; {@code granted} is called
     * with the request carrying the session's token and the validated token.
     */
    public Mono<Void> enforce(ServerWebExchange exchange, String routeId, RoutePolicy policy,
            Granted granted) {
        Mono<Optional<JwtAuthenticationToken>> sessionToken = exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance).cast(OAuth2AuthenticationToken.class)
                .flatMap(principal -> authorizedClients.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(BrowserSecurityConfiguration.REGISTRATION_ID)
                        .principal(principal)
                        .attribute(ServerWebExchange.class.getName(), exchange)
                        .build()))
                .map(OAuth2AuthorizedClient::getAccessToken)
                .flatMap(token -> accessTokenDecoder.decode(token.getTokenValue()))
                .map(jwt -> new JwtAuthenticationToken(jwt, List.of()))
                .map(Optional::of)
                .onErrorResume(unusable -> {
                    // refresh refused (e.g. the level outlived its lifetime), token invalid: log in again
                    log.info("The session's access token cannot be used, logging in again: " + unusable.getClass().getSimpleName());
                    return Mono.just(Optional.empty());
                })
                .defaultIfEmpty(Optional.empty());
        return sessionToken.flatMap(token -> {
            StepUpChallenge loginNeeded = policy.maxAge() == null ? StepUpChallenge.level(policy.level())
                    : StepUpChallenge.freshness(policy.level(), policy.maxAge());
            if (token.isEmpty()) {
                return login(exchange, routeId, loginNeeded, null);
            }
            PolicyDecision decision = policy.decide(token.get(), clock);
            AssuranceLevel reached = AssuranceLevel.parse(token.get().getToken().getClaimAsString("acr")).orElse(null);
            if (decision instanceof PolicyDecision.Granted grant) {
                return exchange.getSession().flatMap(session -> {
                    StepUpAttempts.clear(session, routeId);
                    Jwt jwt = token.get().getToken();
                    ServerWebExchange relayed = exchange.mutate().request(request -> request.headers(headers ->
                            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + jwt.getTokenValue()))).build();
                    return granted.proceed(relayed, grant, jwt);
                });
            }
            if (decision instanceof PolicyDecision.StepUp stepUp) {
                return login(exchange, routeId, stepUp.challenge(), reached);
            }
            return pages.write(exchange, HttpStatus.FORBIDDEN, "denied", Map.of());
        });
    }

    private Mono<Void> login(ServerWebExchange exchange, String routeId, StepUpChallenge needed, AssuranceLevel reached) {
        if (!BrowserRequests.acceptsHtml(exchange.getRequest())) {
            return ErrorResponses.writeJson(exchange, HttpStatus.UNAUTHORIZED, needed.errorBody(), needed.wwwAuthenticate());
        }
        GatewayProperties.StepUp limits = properties.browser().stepUp();
        return exchange.getSession().flatMap(session -> {
            if (!StepUpAttempts.tryStart(session, routeId, limits.maxAttempts(), limits.window(), clock.instant())) {
                log.info("Route " + routeId + " has started " + limits.maxAttempts() + " logins without reaching "
                        + needed.required().shortName() + "; showing the explanation instead of another redirect");
                Map<String, Object> model = new HashMap<>();
                model.put("required", needed.required().name());
                model.put("reached", reached == null ? null : reached.name());
                model.put("freshness", needed.maxAge() != null && reached != null && reached.isAtLeast(needed.required()));
                model.put("account", properties.issuer().toString().replaceAll("/$", "") + "/account/second-factors");
                return pages.write(exchange, HttpStatus.FORBIDDEN, "step-up-limit", model);
            }
            session.getAttributes().put(PendingLogin.SESSION_ATTRIBUTE, new PendingLogin(needed.acrValues(),
                    needed.maxAge() == null ? null : needed.maxAge().toSeconds()));
            return requestCache.saveRequest(exchange).then(redirect.sendRedirect(exchange, URI.create(LOGIN_PATH)));
        });
    }

    /** What a granted request does next. */
    @FunctionalInterface
    public interface Granted {
        Mono<Void> proceed(ServerWebExchange exchange, PolicyDecision.Granted decision, Jwt accessToken);
    }
}
