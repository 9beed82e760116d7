package de.buergerkonto.gateway.token;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.assertion.GatewayKeys;
import de.buergerkonto.gateway.browser.BrowserRequests;

/**
 * API mode (requests with a bearer token, the admin API, and scripts without a session): every
 * request but the health check and the gateway's JWKS needs a valid bearer JWT (offline, see
 * {@link AccessTokenDecoderConfiguration}) before it is routed; the route's own policy comes after
 * ({@code TrustLevel}). The admin API needs the scope {@code buergerkonto.gateway.admin.scope}
 * ({@code 403 insufficient_scope} otherwise). Stateless: no session, no saved requests, no CSRF (no cookies are read).
 * Responses carry Spring Security's security headers, with frames and referrers denied.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder accessTokenDecoder,
            GatewayProperties properties) {
        BearerTokenEntryPoint entryPoint = new BearerTokenEntryPoint();
        String adminScope = properties.admin().scope();
        return http
                // every request browser mode does not take (BrowserRequests)
                .securityMatcher(new NegatedServerWebExchangeMatcher(exchange ->
                        BrowserRequests.isBrowserMode(exchange, properties.browser().sessionCookie())
                                ? MatchResult.match() : MatchResult.notMatch()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(HttpMethod.GET, GatewayKeys.JWKS_PATH, "/gateway/**").permitAll()
                        .pathMatchers("/admin/api/**").hasAuthority("SCOPE_" + adminScope)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(accessTokenDecoder))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new InsufficientScopeHandler(adminScope)))
                .headers(headers -> headers
                        .frameOptions(frames -> frames.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
