package de.buergerkonto.gateway.browser;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.GatewayProperties;

/**
 * The gateway's session cookie never reaches a service: with it, a service (or whoever reads its
 * logs) could act as the citizen through the gateway. The service's own cookies pass.
 */
@Component
public class SessionCookieFilter implements HttpHeadersFilter, Ordered {

    private final String prefix;

    public SessionCookieFilter(GatewayProperties properties) {
        this.prefix = properties.browser().sessionCookie() + "=";
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        List<String> cookies = input.get(HttpHeaders.COOKIE);
        if (cookies == null) {
            return input;
        }
        HttpHeaders filtered = new HttpHeaders();
        filtered.addAll(input);
        List<String> kept = cookies.stream()
                .map(header -> Arrays.stream(header.split(";")).map(String::trim)
                        .filter(cookie -> !cookie.isEmpty() && !cookie.startsWith(prefix))
                        .collect(Collectors.joining("; ")))
                .filter(header -> !header.isEmpty()).toList();
        filtered.remove(HttpHeaders.COOKIE);
        if (!kept.isEmpty()) {
            filtered.put(HttpHeaders.COOKIE, kept);
        }
        return filtered;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 2;
    }
}
