package de.buergerkonto.gateway.hygiene;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code X-Forwarded-For/-Proto/-Host/-Port/-Prefix} as the gateway saw the request, written by
 * Spring Cloud Gateway's {@link XForwardedHeadersFilter}, after dropping every {@code X-Forwarded-*}
 * and {@code Forwarded} header the client sent: the gateway is the edge, so a client's claims about
 * its address, scheme or host are never passed on.
 *
 * <p>Behind a load balancer, let Reactor Netty take the client's address from it
 * ({@code server.forward-headers-strategy: native}, with the load balancer overwriting, not
 * appending, those headers); the values written here then follow.
 */
@Component
public class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    private final XForwardedHeadersFilter writer;

    public ForwardedHeadersFilter() {
        // every peer "trusted" here: the headers it is given are already free of client values
        this.writer = new XForwardedHeadersFilter(".*");
        this.writer.setForAppend(false);
        this.writer.setHostAppend(false);
        this.writer.setPortAppend(false);
        this.writer.setProtoAppend(false);
        this.writer.setPrefixAppend(false);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders withoutClientValues = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("x-forwarded-") && !lower.equals("forwarded")) {
                withoutClientValues.addAll(name, values);
            }
        });
        return writer.filter(withoutClientValues, exchange);
    }

    @Override
    public int getOrder() {
        // after Spring Cloud Gateway's own (which only remove), before IdentityHeadersFilter
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
