package de.buergerkonto.gateway.browser;

import java.net.URI;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import de.buergerkonto.gateway.GatewayProperties;
import de.buergerkonto.gateway.pages.Pages;

/**
 * Browser mode (backend-for-frontend): the gateway is the confidential OAuth client
 * {@code buergerkonto.gateway.browser.client-id} of the auth-server. The browser holds only the
 * HttpOnly session cookie; the session (security context, tokens, saved request, step-up attempts)
 * lives in Redis, shared by every gateway instance.
 *
 * <p>This chain serves the login ({@code /oauth2/authorization/buergerkonto}, the callback
 * {@code /login/oauth2/code/buergerkonto}) and the logout ({@code POST /logout} with CSRF, then
 * RP-initiated logout at the auth-server with {@code id_token_hint}); every other request passes to
 * routing, where the route's {@code TrustLevel} filter decides with {@link BrowserAccess}.
 *
 * <p>CSRF tokens guard the gateway's own state-changing endpoint ({@code /logout}); requests to
 * the services rely on the {@code SameSite=Lax} session cookie (a cross-site POST carries none and
 * is sent to the login) and on the services' own form protection.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurityConfiguration {

    static final String REGISTRATION_ID = "buergerkonto";
    static final String LOGGED_OUT_PAGE = "/logged-out";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties properties) {
        String issuer = withoutTrailingSlash(properties.issuer());
        GatewayProperties.Browser browser = properties.browser();
        // the auth-server's endpoints (its discovery document names the same), so the gateway starts without it
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(browser.clientId())
                .clientSecret(browser.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(browser.scopes())
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(issuer + "/oauth2/token")
                .jwkSetUri(issuer + "/oauth2/jwks")
                .userInfoUri(issuer + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientName("Bürgerkonto")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** Tokens in the session (Redis), not in this instance's memory. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** The session's access token, refreshed with the refresh token when it is (about to be) expired. */
    @Bean
    DefaultReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(new DelegatingReactiveOAuth2AuthorizedClientProvider(
                new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider(),
                new RefreshTokenReactiveOAuth2AuthorizedClientProvider()));
        return manager;
    }

    /** The page asked for, saved before a login; without Spring Security's {@code ?continue} marker, which the upstream would see. */
    @Bean
    WebSessionServerRequestCache browserRequestCache() {
        WebSessionServerRequestCache cache = new WebSessionServerRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /** Its own cookie name: the auth-server's {@code SESSION} cookie is sent to the same host (cookies ignore ports). */
    @Bean
    WebSessionIdResolver webSessionIdResolver(GatewayProperties properties) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(properties.browser().sessionCookie());
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").path("/"));
        return resolver;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain browserSecurity(ServerHttpSecurity http, GatewayProperties properties,
            ReactiveClientRegistrationRepository registrations, WebSessionServerRequestCache requestCache, Pages pages) {
        OidcClientInitiatedServerLogoutSuccessHandler endSessionAtAuthServer =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endSessionAtAuthServer.setPostLogoutRedirectUri("{baseUrl}" + LOGGED_OUT_PAGE);
        endSessionAtAuthServer.setLogoutSuccessUrl(URI.create(LOGGED_OUT_PAGE));
        return http
                .securityMatcher(BrowserRequests.matcher(properties.browser().sessionCookie()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(cache -> cache.requestCache(requestCache))
                // the route's policy decides (BrowserAccess): no redirect to a login page from here
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(new StepUpAuthorizationRequestResolver(registrations))
                        .authenticationFailureHandler(new LoginNotCompleted(pages, requestCache)))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/logout")))
                .logout(logout -> logout
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/logout"))
                        .logoutHandler(new SecurityContextServerLogoutHandler())
                        // the whole session (tokens, attempts) ends last: the handlers before still read it
                        .logoutSuccessHandler((exchange, authentication) -> endSessionAtAuthServer
                                .onLogoutSuccess(exchange, authentication)
                                .then(exchange.getExchange().getSession().flatMap(WebSession::invalidate))))
                .headers(headers -> headers
                        .frameOptions(frames -> frames.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties))))
                .build();
    }

    /**
     * For the gateway's pages and for service pages that set none: same-origin resources only, no
     * framing; forms may post here and to the auth-server (Chromium checks {@code form-action} on the
     * logout's redirect to it too).
     */
    static String contentSecurityPolicy(GatewayProperties properties) {
        URI issuer = properties.issuer();
        String issuerOrigin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + issuerOrigin;
    }

    private static String withoutTrailingSlash(URI uri) {
        String value = uri.toString();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
