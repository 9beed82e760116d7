package de.buergerkonto.gateway.browser;

import java.util.List;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Which mode a request is in. API mode: it carries a bearer token, or it is for the admin API.
 * Browser mode: no bearer token, and either the gateway's session cookie or a wish for HTML. A
 * request with neither (a script without a token) stays in API mode and gets the bare
 * {@code Bearer} challenge instead of a redirect it could not follow.
 */
public final class BrowserRequests {

    static final String ADMIN_API = "/admin/api/";
    private static final String BROWSER_MODE_ATTRIBUTE = BrowserRequests.class.getName() + ".browserMode";

    private BrowserRequests() {
    }

    private static boolean hasBearerToken(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    public static boolean acceptsHtml(ServerHttpRequest request) {
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    /**
     * Whether the exchange is in browser mode: no bearer token, not the admin API, and a session
     * cookie or a wish for HTML. Decided once per exchange (both security chains and the route ask;
     * every read of {@code Authorization} through Spring Security's firewall checks the whole token).
     */
    public static boolean isBrowserMode(ServerWebExchange exchange, String sessionCookie) {
        return (Boolean) exchange.getAttributes().computeIfAbsent(BROWSER_MODE_ATTRIBUTE,
                name -> isBrowserMode(exchange.getRequest(), sessionCookie));
    }

    private static boolean isBrowserMode(ServerHttpRequest request, String sessionCookie) {
        if (hasBearerToken(request) || request.getPath().value().startsWith(ADMIN_API)) {
            return false;
        }
        HttpCookie cookie = request.getCookies().getFirst(sessionCookie);
        return cookie != null || acceptsHtml(request);
    }

    static ServerWebExchangeMatcher matcher(String sessionCookie) {
        return exchange -> isBrowserMode(exchange, sessionCookie) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
