package de.buergerkonto.gateway;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

import de.buergerkonto.trustlevel.AssuranceLevel;

/** The typed configuration and the clock every time check of the gateway reads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Levels in configuration are read in every accepted form (short name, eIDAS URI, STORK level);
     * an unknown one fails the binding, and with it the startup, naming the property.
     */
    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, AssuranceLevel> assuranceLevelConverter() {
        return new AssuranceLevelConverter();
    }

    /** A named class, not a lambda: the binder needs the generic types to pick it. */
    static final class AssuranceLevelConverter implements Converter<String, AssuranceLevel> {

        @Override
        public AssuranceLevel convert(String source) {
            return AssuranceLevel.require(source);
        }
    }
}
