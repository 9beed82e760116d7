package de.buergerkonto.authserver.sessionlevel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.buergerkonto.trustlevel.LevelLifetimes;

/** The maximum and idle lifetime of each level, from {@link TrustLevelProperties}. */
@Configuration(proxyBeanMethods = false)
class LevelLifetimesConfig {

    @Bean
    LevelLifetimes levelLifetimes(TrustLevelProperties properties) {
        return properties.levelLifetimes();
    }
}
