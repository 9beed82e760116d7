package de.buergerkonto.gateway.hygiene;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * {@code X-Request-Id} on every request the upstream receives and on every response, the gateway's
 * own answers included. A client's id is kept when it is one well-formed token (16 to 64 letters,
 * digits, {@code -} or {@code _}: a UUID, ULID or random hex or base64url); anything else, several
 * values included, is replaced by a random UUID, so that a client cannot inject text into the logs
 * of the services behind the gateway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdWebFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = acceptedOrNew(exchange.getRequest().getHeaders().get(HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HEADER, requestId)).build();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        return chain.filter(exchange.mutate().request(request).build());
    }

    static String acceptedOrNew(List<String> received) {
        if (received != null && received.size() == 1 && WELL_FORMED.matcher(received.get(0)).matches()) {
            return received.get(0);
        }
        return UUID.randomUUID().toString();
    }
}
