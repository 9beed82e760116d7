package de.buergerkonto.authserver.security;

import java.time.Clock;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import de.buergerkonto.authserver.authorization.AuthorizationEndpointErrorHandler;
import de.buergerkonto.authserver.authorization.ClockAuthorizationCodeGenerator;
import de.buergerkonto.authserver.authorization.ExactRedirectUriValidator;
import de.buergerkonto.authserver.clientauthentication.PublicClientRefreshTokenAuthenticationConverter;
import de.buergerkonto.authserver.clientauthentication.PublicClientRefreshTokenAuthenticationProvider;
import de.buergerkonto.authserver.discovery.ProviderMetadataCustomizer;
import de.buergerkonto.authserver.sessionlevel.SessionLevelFilter;
import de.buergerkonto.authserver.sessionlevel.SessionLevels;
import de.buergerkonto.authserver.stepup.StepUpRequirementValidator;
import de.buergerkonto.authserver.userinfo.CitizenUserInfoMapper;

/**
 * The OAuth 2.0 / OpenID Connect endpoints (Spring Security's authorization server), with
 * this server's storage, tokens, consent page, error pages and client rules.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations, OAuth2AuthorizationConsentService consents,
            OAuth2TokenGenerator<?> tokenGenerator, CitizenUserInfoMapper userInfo,
            ProviderMetadataCustomizer metadata, AuthorizationEndpointErrorHandler authorizationErrors,
            StepUpRequirementValidator stepUp, SessionLevels sessionLevels, Clock clock)
            throws Exception {
        // an authorization request is a use of the session, judged at the level the session holds now
        http.addFilterAfter(new SessionLevelFilter(sessionLevels), SecurityContextHolderFilter.class);
        http.oauth2AuthorizationServer(as -> {
            http.securityMatcher(as.getEndpointsMatcher());
            as.registeredClientRepository(clients)
                    .authorizationService(authorizations)
                    .authorizationConsentService(consents)
                    .tokenGenerator(tokenGenerator)
                    .clientAuthentication(clientAuthentication -> clientAuthentication
                            .authenticationConverter(new PublicClientRefreshTokenAuthenticationConverter())
                            .authenticationProviders(providers -> providers.add(0,
                                    new PublicClientRefreshTokenAuthenticationProvider(clients))))
                    .authorizationEndpoint(authorization -> authorization
                            .consentPage("/oauth2/consent")
                            .errorResponseHandler(authorizationErrors)
                            .authenticationProviders(providers -> providers.forEach(provider -> {
                                if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
                                    codeRequests.setAuthenticationValidator(new ExactRedirectUriValidator()
                                            .andThen(new OAuth2AuthorizationCodeRequestAuthenticationValidator())
                                            .andThen(stepUp));
                                    codeRequests.setAuthorizationCodeGenerator(new ClockAuthorizationCodeGenerator(clock));
                                }
                                if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consentProvider) {
                                    consentProvider.setAuthorizationCodeGenerator(new ClockAuthorizationCodeGenerator(clock));
                                }
                            })))
                    // Spring's provider, given the session registry, takes auth_time from
                    // FactorGrantedAuthority, which a citizen's login does not carry; the token
                    // customizer sets auth_time and sid from the login and the session registry.
                    .tokenEndpoint(token -> token.authenticationProviders(providers -> providers.replaceAll(
                            provider -> provider instanceof OAuth2AuthorizationCodeAuthenticationProvider
                                    ? new OAuth2AuthorizationCodeAuthenticationProvider(authorizations, tokenGenerator)
                                    : provider)))
                    .authorizationServerMetadataEndpoint(endpoint -> endpoint
                            .authorizationServerMetadataCustomizer(metadata::customize))
                    .oidc(oidc -> oidc
                            .providerConfigurationEndpoint(endpoint -> endpoint
                                    .providerConfigurationCustomizer(metadata::customize))
                            .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo))
                            .logoutEndpoint(Customizer.withDefaults()));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        // the UserInfo endpoint takes the access token as a bearer token
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        // a browser without a session goes to the login page; API callers get OAuth errors
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), browsers()));
        return http.build();
    }

    /** Requests that ask for HTML by name; a missing Accept header or a bare wildcard is an API caller. */
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
