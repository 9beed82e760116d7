package de.buergerkonto.gateway.browser;

import java.util.List;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Which mode a request is in. API mode: it carries a bearer token, or it is for the admin API.
 * Browser mode: no bearer token, and either the gateway's session cookie or a wish for HTML. A
 * request with neither (a script without a token) stays in API mode and gets the bare
 * {@code Bearer} challenge instead of a redirect it could not follow.
 */
public final class BrowserRequests {

    static final String ADMIN_API = "/admin/api/";

    private BrowserRequests() {
    }

    public static boolean hasBearerToken(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    public static boolean acceptsHtml(ServerHttpRequest request) {
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    public static boolean isBrowserMode(ServerHttpRequest request, String sessionCookie) {
        if (hasBearerToken(request) || request.getPath().value().startsWith(ADMIN_API)) {
            return false;
        }
        HttpCookie cookie = request.getCookies().getFirst(sessionCookie);
        return cookie != null || acceptsHtml(request);
    }

    static ServerWebExchangeMatcher matcher(String sessionCookie) {
        return exchange -> isBrowserMode(exchange.getRequest(), sessionCookie) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
