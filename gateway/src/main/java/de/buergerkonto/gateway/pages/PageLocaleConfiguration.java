package de.buergerkonto.gateway.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The language of the gateway's pages: German, English with {@code ?lang=en} (as {@link Pages#locale}). */
@Configuration(proxyBeanMethods = false)
class PageLocaleConfiguration {

    @Bean(name = WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        return new LocaleContextResolver() {
            @Override
            public org.springframework.context.i18n.LocaleContext resolveLocaleContext(
                    org.springframework.web.server.ServerWebExchange exchange) {
                return new SimpleLocaleContext(Pages.locale(exchange));
            }

            @Override
            public void setLocaleContext(org.springframework.web.server.ServerWebExchange exchange,
                    org.springframework.context.i18n.LocaleContext localeContext) {
                throw new UnsupportedOperationException("The language follows ?lang=");
            }
        };
    }
}
