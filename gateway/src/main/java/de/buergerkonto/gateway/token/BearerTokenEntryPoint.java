package de.buergerkonto.gateway.token;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.error.ErrorResponses;
import reactor.core.publisher.Mono;

/**
 * The answer when a request brings no usable bearer token (RFC 6750, section 3.1), always JSON:
 * <ul>
 * <li>a token that is malformed, unsigned, signed by an unknown key, expired, from another issuer or
 *     of another type: {@code 401}, {@code Bearer error="invalid_token"};</li>
 * <li>no token at all: {@code 401}, a bare {@code Bearer} challenge (section 3.1: no error code when
 *     the request carries no authentication), the body still says {@code invalid_token};</li>
 * <li>the gateway could not check the token (the issuer's keys are unreachable): {@code 503}.</li>
 * </ul>
 * The description is one constant: the token's own content is never echoed.
 */
final class BearerTokenEntryPoint implements ServerAuthenticationEntryPoint {

    static final String INVALID = "The access token is malformed, expired, not signed by the issuer or not an access token";
    static final String MISSING = "A valid access token is required";
    static final String UNAVAILABLE = "The access token cannot be checked at the moment";

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            return ErrorResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable", UNAVAILABLE);
        }
        if (failure instanceof InvalidBearerTokenException || failure instanceof OAuth2AuthenticationException) {
            return ErrorResponses.write(exchange, HttpStatus.UNAUTHORIZED, "invalid_token", INVALID,
                    "Bearer error=\"invalid_token\", error_description=\"" + INVALID + "\"");
        }
        return ErrorResponses.write(exchange, HttpStatus.UNAUTHORIZED, "invalid_token", MISSING, "Bearer");
    }
}
