package de.buergerkonto.gateway.policy;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.error.ErrorResponses;
import reactor.core.publisher.Mono;

/**
 * The last check before a request leaves for its upstream: a route that has no {@code TrustLevel}
 * filter, or whose filter did not grant this request, sends nothing upstream.
 *
 * <p>Failure policy: fail closed, {@code 403 access_denied}, as for a route whose policy cannot be read.
 */
@Component
public class PolicyEnforcedGuard implements GlobalFilter, Ordered {

    // after every route filter, before the routing filters that call the upstream
    public static final int ORDER = NettyRoutingFilter.ORDER - 100;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!Boolean.TRUE.equals(exchange.getAttribute(TrustLevelGatewayFilterFactory.ENFORCED_ATTRIBUTE))) {
            return ErrorResponses.write(exchange, HttpStatus.FORBIDDEN, "access_denied", TrustLevelGatewayFilterFactory.NO_POLICY);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
