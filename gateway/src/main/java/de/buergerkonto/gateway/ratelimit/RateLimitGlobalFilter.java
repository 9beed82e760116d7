package de.buergerkonto.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.error.ErrorResponses;
import de.buergerkonto.gateway.pages.Pages;
import de.buergerkonto.gateway.ratelimit.FixedWindowRateLimiter.Outcome;
import io.lettuce.core.RedisException;
import reactor.core.publisher.Mono;

/**
 * Rate limits for every routed request, before the route's own filters: first per client address,
 * then per citizen (the pairwise {@code sub} of the validated token, or of the browser session's login). Over a limit: {@code 429} with
 * {@code Retry-After} (RFC 9110, section 10.2.3) and JSON.
 *
 * <p>Failure policy: fail closed. When Redis does not answer within its timeouts (at most
 * {@link FixedWindowRateLimiter#REDIS_DEADLINE}), the request is not forwarded and gets {@code 503}
 * {@code temporarily_unavailable} with JSON (a page for browsers); requests pass again as soon as Redis answers (Lettuce
 * reconnects in the background). Unlike Spring Cloud Gateway's {@code RedisRateLimiter}, which lets
 * requests through while Redis is down, no protected service is reachable unmetered.
 */
@Component
public class RateLimitGlobalFilter implements GlobalFilter, Ordered {

    private static final Log log = LogFactory.getLog(RateLimitGlobalFilter.class);

    static final String TOO_MANY = "Too many requests; try again later";

    private final FixedWindowRateLimiter limiter;
    private final GatewayProperties.RateLimits limits;

    private final Pages pages;

    public RateLimitGlobalFilter(FixedWindowRateLimiter limiter, GatewayProperties properties, Pages pages) {
        this.limiter = limiter;
        this.pages = pages;
        this.limits = properties.rateLimit();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        Mono<Optional<Outcome>> outcome = limiter.check("addr", address, limits.perAddress())
                .flatMap(byAddress -> !byAddress.allowed() ? Mono.just(byAddress)
                        : exchange.getPrincipal()
                                .filter(principal -> principal instanceof JwtAuthenticationToken || principal instanceof OAuth2AuthenticationToken)
                                .map(principal -> principal instanceof JwtAuthenticationToken jwt ? jwt.getToken().getSubject()
                                        : principal.getName())
                                .flatMap(subject -> limiter.check("sub", subject, limits.perSubject()))
                                .defaultIfEmpty(byAddress))
                .map(Optional::of)
                .onErrorResume(RateLimitGlobalFilter::isRedisFailure, failure -> {
                    log.warn("Rate limit store unavailable, request refused: " + failure.getClass().getSimpleName());
                    return Mono.just(Optional.empty());
                });
        return outcome.flatMap(checked -> {
            if (checked.isEmpty()) {
                return pages.serviceUnavailable(exchange);
            }
            return checked.get().allowed() ? chain.filter(exchange) : tooMany(exchange, checked.get());
        });
    }

    private static boolean isRedisFailure(Throwable failure) {
        return failure instanceof DataAccessException || failure instanceof RedisException
                || failure instanceof TimeoutException;
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Outcome outcome) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfter().toSeconds()));
        return ErrorResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", TOO_MANY);
    }

    @Override
    public int getOrder() {
        // before the route filters (order 1 and up), so refused steps-ups count too
        return 0;
    }
}
