package de.buergerkonto.gateway.hygiene;

import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import de.buergerkonto.gateway.assertion.GatewayAssertionFilter;
import de.buergerkonto.gateway.policy.VerifiedIdentity;

/**
 * The identity headers of the request an upstream receives, applied last, after every route filter:
 * every header a client could use to claim an identity is removed, whoever set it, and the gateway
 * then sets the ones it vouches for, from the validated token of a granted request:
 * {@value #SUBJECT} (the pairwise {@code sub}), {@value #LEVEL} (the canonical {@code acr}) and the
 * signed gateway assertion ({@code X-Buergerkonto-Gateway}).
 *
 * <p>The access token itself is relayed as received ({@code Authorization: Bearer}): services check
 * it again with the trust-level library and must not rely on these headers alone unless only the
 * gateway can reach them.
 */
@Component
public class IdentityHeadersFilter implements HttpHeadersFilter, Ordered {

    public static final String SUBJECT = "X-Buergerkonto-Subject";
    public static final String LEVEL = "X-Buergerkonto-Level";

    /** Names beginning like these are identity claims of reverse proxies, load balancers and auth middleware. */
    static final List<String> FORGEABLE_PREFIXES = List.of("x-buergerkonto-", "x-user", "x-auth-", "x-authenticated-",
            "x-remote-", "x-forwarded-user", "x-forwarded-email", "x-forwarded-groups",
            "x-forwarded-preferred-username", "x-forwarded-access-token", "x-client-cert", "x-ssl-client",
            "ssl-client", "x-amzn-oidc-", "x-ms-client-principal", "x-goog-authenticated-user-");

    static final List<String> FORGEABLE_NAMES = List.of("remote-user", "x-userinfo", "x-id-token", "x-access-token",
            "x-jwt-assertion", "x-principal", "x-subject", "x-email");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders filtered = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isForgeable(name)) {
                filtered.addAll(name, values);
            }
        });
        VerifiedIdentity identity = exchange.getAttribute(VerifiedIdentity.ATTRIBUTE);
        if (identity != null) {
            filtered.set(SUBJECT, identity.subject());
            filtered.set(LEVEL, identity.level().acr());
        }
        String assertion = exchange.getAttribute(GatewayAssertionFilter.ATTRIBUTE);
        if (assertion != null) {
            filtered.set(GatewayAssertionFilter.HEADER, assertion);
        }
        return filtered;
    }

    static boolean isForgeable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return FORGEABLE_NAMES.contains(lower) || FORGEABLE_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
