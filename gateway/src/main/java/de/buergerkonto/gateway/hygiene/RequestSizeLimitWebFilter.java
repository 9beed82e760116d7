package de.buergerkonto.gateway.hygiene;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.error.ErrorResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies larger than {@code buergerkonto.gateway.max-request-size} (default 1 MiB) never
 * reach an upstream. A declared {@code Content-Length} above the limit is answered at once with
 * {@code 413} and JSON, before the token is even looked at; a body without a length (chunked) is
 * counted while it streams and cut off at the limit: the upstream sees an aborted request and the
 * client gets 413 unless the upstream has already answered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitWebFilter implements WebFilter {

    static final String TOO_LARGE = "The request body is larger than this gateway accepts";

    private final long maxBytes;

    public RequestSizeLimitWebFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return ErrorResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "request_too_large", TOO_LARGE);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(exchange.getRequest(), maxBytes)).build());
    }

    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountingRequest(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE));
                    return;
                }
                sink.next(buffer);
            });
        }
    }
}
