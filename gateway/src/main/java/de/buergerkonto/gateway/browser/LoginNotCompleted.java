package de.buergerkonto.gateway.browser;

import java.net.URI;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.pages.Pages;
import reactor.core.publisher.Mono;

/**
 * The answer when the auth-server sends the browser back without a login (an error response at the
 * redirect URI), instead of Spring Security's generated English sign-in page at {@code /login?error}:
 * <ul>
 * <li>{@code unmet_authentication_requirements} (the account cannot reach the route's level, and the
 * auth-server has said why): back to the page asked for, where the route decides again, within its
 * bounded number of logins ({@link StepUpAttempts});</li>
 * <li>anything else, e.g. {@code access_denied} after the citizen cancelled the consent: the
 * gateway's own page saying so, with a link to try the page again (a new, counted login).</li>
 * </ul>
 */
final class LoginNotCompleted implements ServerAuthenticationFailureHandler {

    private static final Log log = LogFactory.getLog(LoginNotCompleted.class);
    /** OpenID Connect Core Unmet Authentication Requirements 1.0: the essential acr could not be met. */
    static final String UNMET_AUTHENTICATION_REQUIREMENTS = "unmet_authentication_requirements";

    private final Pages pages;
    private final ServerRequestCache requestCache;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    LoginNotCompleted(Pages pages, ServerRequestCache requestCache) {
        this.pages = pages;
        this.requestCache = requestCache;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        String error = exception instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode() : "unknown";
        log.info("Login not completed at the auth-server: " + error);
        ServerWebExchange exchange = webFilterExchange.getExchange();
        Mono<URI> pageAskedFor = requestCache.getRedirectUri(exchange).defaultIfEmpty(URI.create("/"));
        if (UNMET_AUTHENTICATION_REQUIREMENTS.equals(error)) {
            // the auth-server has explained the level to the citizen; the route decides again and, once its
            // logins are used up, shows its own page (BrowserAccess, StepUpAttempts): no loop
            return pageAskedFor.flatMap(page -> redirect.sendRedirect(exchange, page));
        }
        return pageAskedFor.map(URI::toString)
                .flatMap(retry -> pages.write(exchange, HttpStatus.FORBIDDEN, "login-not-completed",
                        Map.of("cancelled", OAuth2ErrorCodes.ACCESS_DENIED.equals(error), "retry", retry)));
    }
}
