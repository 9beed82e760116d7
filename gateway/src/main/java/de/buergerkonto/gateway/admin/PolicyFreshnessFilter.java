package de.buergerkonto.gateway.admin;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.pages.Pages;
import reactor.core.publisher.Mono;

/**
 * Fail closed: a service route whose policy this instance could not confirm from Redis for
 * {@code max-staleness} denies with 503 (JSON, or the page when the request wants HTML) until
 * Redis answers again, instead of enforcing a policy an admin may have changed meanwhile.
 */
@Component
public class PolicyFreshnessFilter implements GlobalFilter, Ordered {

    /** Metadata marking a route as one of the {@link RouteStore}'s. */
    public static final String STORED_ROUTE = "buergerkonto-stored";

    private final RouteTable table;
    private final Pages pages;

    public PolicyFreshnessFilter(RouteTable table, Pages pages) {
        this.table = table;
        this.pages = pages;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && Boolean.TRUE.equals(route.getMetadata().get(STORED_ROUTE)) && !table.isFresh()) {
            return pages.serviceUnavailable(exchange);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // before the rate limits (0) and the route filters
        return -1;
    }
}
