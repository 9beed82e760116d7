package de.buergerkonto.authserver.logout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Citizens' sessions as every instance sees them: read from Spring Session's Redis repository
 * by account id ({@code spring.session.data.redis.repository-type: indexed}), so a logout or an
 * ID token's {@code sid} works whichever instance served the login.
 */
@Configuration(proxyBeanMethods = false)
class SessionRegistryConfig {

    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
