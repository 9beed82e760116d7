package de.buergerkonto.gateway.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;

import com.nimbusds.jose.util.JSONObjectUtils;

import reactor.core.publisher.Mono;

/**
 * Authorization requests of browser mode: authorization code with PKCE (S256, also for the
 * confidential gateway client, RFC 9700, section 2.1.1), plus the level and {@code max_age} of the
 * route that sent the browser here ({@link PendingLogin}, taken from the session once). The level
 * goes as {@code acr_values} and as an essential {@code acr} in the {@code claims} parameter (OpenID
 * Connect Core 5.5.1.1): a token below it is of no use to the route, so the auth-server should not
 * issue one but explain to the citizen what her account lacks (or offer what lifts it, such as
 * proving her identity with the ID card) and answer {@code unmet_authentication_requirements}.
 */
final class StepUpAuthorizationRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

    private final DefaultServerOAuth2AuthorizationRequestResolver delegate;

    StepUpAuthorizationRequestResolver(ReactiveClientRegistrationRepository registrations) {
        this.delegate = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return withPendingLogin(exchange, delegate.resolve(exchange));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return withPendingLogin(exchange, delegate.resolve(exchange, clientRegistrationId));
    }

    private static Mono<OAuth2AuthorizationRequest> withPendingLogin(ServerWebExchange exchange,
            Mono<OAuth2AuthorizationRequest> resolved) {
        return resolved.flatMap(request -> exchange.getSession().map(session -> {
            PendingLogin pending = (PendingLogin) session.getAttributes().remove(PendingLogin.SESSION_ATTRIBUTE);
            return pending == null ? request : withLevel(request, pending);
        }));
    }

    private static OAuth2AuthorizationRequest withLevel(OAuth2AuthorizationRequest request, PendingLogin pending) {
        String claims = essentialAcr(pending.acrValues());
        StringBuilder uri = new StringBuilder(request.getAuthorizationRequestUri());
        uri.append("&acr_values=").append(URLEncoder.encode(pending.acrValues(), StandardCharsets.UTF_8));
        uri.append("&claims=").append(URLEncoder.encode(claims, StandardCharsets.UTF_8));
        if (pending.maxAgeSeconds() != null) {
            uri.append("&max_age=").append(pending.maxAgeSeconds());
        }
        return OAuth2AuthorizationRequest.from(request)
                .additionalParameters(parameters -> {
                    parameters.put("acr_values", pending.acrValues());
                    parameters.put("claims", claims);
                    if (pending.maxAgeSeconds() != null) {
                        parameters.put("max_age", pending.maxAgeSeconds().toString());
                    }
                })
                .authorizationRequestUri(uri.toString())
                .build();
    }

    /** {@code {"id_token":{"acr":{"essential":true,"values":[...]}}}} for the space-separated {@code acr_values}. */
    static String essentialAcr(String acrValues) {
        return JSONObjectUtils.toJSONString(Map.of("id_token", Map.of("acr",
                Map.of("essential", true, "values", Arrays.asList(acrValues.split(" "))))));
    }
}
