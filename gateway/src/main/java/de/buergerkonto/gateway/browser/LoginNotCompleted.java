package de.buergerkonto.gateway.browser;

import java.net.URI;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;

import de.buergerkonto.gateway.pages.Pages;
import reactor.core.publisher.Mono;

/**
 * The answer when the auth-server sends the browser back without a login (an error response at the
 * redirect URI, e.g. {@code access_denied} after the citizen cancelled the consent, or
 * {@code unmet_authentication_requirements}): the gateway's own page saying so, with a link to try
 * the page asked for again (a new login, counted by {@link StepUpAttempts}), instead of Spring
 * Security's generated English sign-in page at {@code /login?error}.
 */
final class LoginNotCompleted implements ServerAuthenticationFailureHandler {

    private static final Log log = LogFactory.getLog(LoginNotCompleted.class);

    private final Pages pages;
    private final ServerRequestCache requestCache;

    LoginNotCompleted(Pages pages, ServerRequestCache requestCache) {
        this.pages = pages;
        this.requestCache = requestCache;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        String error = exception instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode() : "unknown";
        log.info("Login not completed at the auth-server: " + error);
        return requestCache.getRedirectUri(webFilterExchange.getExchange())
                .map(URI::toString)
                .defaultIfEmpty("/")
                .flatMap(retry -> pages.write(webFilterExchange.getExchange(), HttpStatus.FORBIDDEN, "login-not-completed",
                        Map.of("cancelled", OAuth2ErrorCodes.ACCESS_DENIED.equals(error), "retry", retry)));
    }
}
