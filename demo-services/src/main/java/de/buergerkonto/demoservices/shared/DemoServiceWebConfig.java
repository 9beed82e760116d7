package de.buergerkonto.demoservices.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class DemoServiceWebConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageParameterLocaleResolver();
    }
}
