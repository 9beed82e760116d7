package de.buergerkonto.gateway.error;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import com.nimbusds.jose.util.JSONObjectUtils;

import reactor.core.publisher.Mono;

/**
 * Every answer the gateway gives itself: a status, an optional {@code WWW-Authenticate} challenge
 * and a JSON body shaped like an OAuth 2.0 error (RFC 6749, section 5.2: {@code error},
 * {@code error_description}). Descriptions are our own constants, never request data, and
 * no answer may be cached.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String error, String description) {
        return write(exchange, status, error, description, null);
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String error, String description,
            String wwwAuthenticate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return writeJson(exchange, status, JSONObjectUtils.toJSONString(body), wwwAuthenticate);
    }

    /** A body already rendered, e.g. by the trust-level library's {@code StepUpChallenge}. */
    public static Mono<Void> writeJson(ServerWebExchange exchange, HttpStatus status, String json, String wwwAuthenticate) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl("no-store");
        if (wwwAuthenticate != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
