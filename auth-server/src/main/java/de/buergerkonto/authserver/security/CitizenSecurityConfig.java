package de.buergerkonto.authserver.security;

import java.util.LinkedHashMap;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import de.buergerkonto.authserver.login.LoginFailureHandler;
import de.buergerkonto.authserver.sessionlevel.SessionLevelFilter;
import de.buergerkonto.authserver.sessionlevel.SessionLevels;

/**
 * The citizen pages: login, registration, email verification, password reset, account.
 * Everything not listed as public needs a login. Pages send no referrer, since links from
 * mails carry one-time tokens in their query, and may not be framed.
 */
@Configuration(proxyBeanMethods = false)
public class CitizenSecurityConfig {

    /** Where a request with a missing or stale CSRF token is forwarded: "your session has expired". */
    public static final String SESSION_EXPIRED_PAGE = "/session-expired";
    /** Log in with the ID card, and the eID adapter's callback (package {@code eid}). */
    private static final String EID_LOGIN_PAGE = "/login/eid";
    private static final String EID_CALLBACK = "/login/eid/callback";

    @Bean
    @Order(2)
    SecurityFilterChain citizenChain(HttpSecurity http, SessionLevels sessionLevels) throws Exception {
        // every page view is a use of the session: its trust levels are kept current first
        http.addFilterAfter(new SessionLevelFilter(sessionLevels), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(authorize -> authorize
                // error pages and the session-expired page are reached by forward from any request
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                // /dev/mailbox has a handler only in the profile local; elsewhere it is a 404
                .requestMatchers("/login", "/register", "/register/**", "/verify-email", "/verify-email/**",
                        "/password-reset", "/password-reset/**", SESSION_EXPIRED_PAGE, "/dev/mailbox",
                        EID_LOGIN_PAGE, EID_CALLBACK, "/login/passkey", "/login/passkey/options",
                        "/css/**", "/js/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**")
                .permitAll()
                .anyRequest().authenticated());
        // the eID adapter's handover page posts here from its own origin; the one-time state bound
        // to this session takes the CSRF token's place (eid.EidCallbackController, docs/threat-model.md)
        http.csrf(csrf -> csrf.ignoringRequestMatchers(EID_CALLBACK));
        http.formLogin(form -> form
                .loginPage("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .failureHandler(new LoginFailureHandler()));
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(accessDeniedHandler()));
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /** A CSRF failure is almost always an expired session: say so, instead of "access denied". */
    private static AccessDeniedHandler accessDeniedHandler() {
        AccessDeniedHandlerImpl sessionExpired = new AccessDeniedHandlerImpl();
        sessionExpired.setErrorPage(SESSION_EXPIRED_PAGE);
        LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> handlers = new LinkedHashMap<>();
        handlers.put(CsrfException.class, sessionExpired);
        return new DelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }
}
