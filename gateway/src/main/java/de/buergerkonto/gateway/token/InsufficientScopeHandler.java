package de.buergerkonto.gateway.token;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.error.ErrorResponses;
import reactor.core.publisher.Mono;

/** A valid token without the admin scope: {@code 403 insufficient_scope} naming it (RFC 6750, section 3.1), JSON. */
final class InsufficientScopeHandler implements ServerAccessDeniedHandler {

    static final String DESCRIPTION = "The access token lacks the scope the admin API needs";

    private final String scope;

    InsufficientScopeHandler(String scope) {
        this.scope = scope;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ErrorResponses.write(exchange, HttpStatus.FORBIDDEN, "insufficient_scope", DESCRIPTION,
                "Bearer error=\"insufficient_scope\", error_description=\"" + DESCRIPTION + "\", scope=\"" + scope + "\"");
    }
}
