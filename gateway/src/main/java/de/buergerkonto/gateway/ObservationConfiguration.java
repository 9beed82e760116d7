package de.buergerkonto.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Spring Security observations on the request path. {@code management.observations.enable.spring.security: false}
 * only turns them into no-ops: every security filter was still wrapped and asked the registry per
 * request. Without the settings bean the filter chain runs undecorated (docs/performance.md, gateway).
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
