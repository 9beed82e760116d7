package de.buergerkonto.gateway.error;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.pages.Pages;
import de.buergerkonto.gateway.token.JwksUnavailableException;
import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessException;
import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;

/**
 * JSON for every error that ends a request before an answer was written, in the shape of
 * {@link ErrorResponses}; never a stack trace or an exception message.
 * <ul>
 * <li>no route matches: {@code 404 not_found} (fail closed: nothing is forwarded);</li>
 * <li>the issuer's keys cannot be read: {@code 503 temporarily_unavailable};</li>
 * <li>Redis (browser sessions, policies) does not answer: {@code 503}, a page for browsers;</li>
 * <li>the upstream is unreachable or too slow: {@code 502}/{@code 504 upstream_unavailable};</li>
 * <li>a body over the size limit: {@code 413 request_too_large};</li>
 * <li>other status errors keep their status; anything else is {@code 500 server_error}.</li>
 * </ul>
 */
@Component
@Order(-2)
public class GatewayErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Log log = LogFactory.getLog(GatewayErrorWebExceptionHandler.class);

    private final Pages pages;

    public GatewayErrorWebExceptionHandler(Pages pages) {
        this.pages = pages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (causedBy(failure, JwksUnavailableException.class) || causedBy(failure, AuthenticationServiceException.class)) {
            return ErrorResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
                    "The access token cannot be checked at the moment");
        }
        if (causedBy(failure, RedisException.class) || causedBy(failure, DataAccessException.class)) {
            // the browser session or a policy is in Redis: fail closed, and say so in the form asked for
            log.warn("Redis not available, request refused: " + failure.getClass().getSimpleName());
            return pages.serviceUnavailable(exchange);
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, ConnectTimeoutException.class)) {
            return ErrorResponses.write(exchange, HttpStatus.BAD_GATEWAY, "upstream_unavailable",
                    "The service behind this path is not reachable");
        }
        if (failure instanceof ResponseStatusException status) {
            return answer(exchange, status.getStatusCode());
        }
        if (causedBy(failure, TimeoutException.class)) {
            return ErrorResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream_unavailable",
                    "The service behind this path did not answer in time");
        }
        log.error("Request failed", failure);
        return ErrorResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "The request could not be handled");
    }

    private static Mono<Void> answer(ServerWebExchange exchange, HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        HttpStatus answer = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        if (answer == HttpStatus.NOT_FOUND) {
            return ErrorResponses.write(exchange, answer, "not_found", "No service is available at this path");
        }
        if (answer == HttpStatus.CONTENT_TOO_LARGE) {
            return ErrorResponses.write(exchange, answer, "request_too_large", "The request body is larger than this gateway accepts");
        }
        if (answer == HttpStatus.GATEWAY_TIMEOUT || answer == HttpStatus.BAD_GATEWAY || answer == HttpStatus.SERVICE_UNAVAILABLE) {
            return ErrorResponses.write(exchange, answer, "upstream_unavailable", "The service behind this path is not reachable");
        }
        String error = answer.is4xxClientError() ? "invalid_request" : "server_error";
        return ErrorResponses.write(exchange, answer, error, answer.getReasonPhrase());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
