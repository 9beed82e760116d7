package de.buergerkonto.authserver.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The citizen pages: login, registration, email verification, password reset, account. */
@Configuration(proxyBeanMethods = false)
public class CitizenSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain citizenChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                .requestMatchers("/login", "/register/**", "/verify-email/**", "/password-reset/**",
                        "/css/**", "/error", "/actuator/health")
                .permitAll()
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage("/login").usernameParameter("email"));
        return http.build();
    }
}
