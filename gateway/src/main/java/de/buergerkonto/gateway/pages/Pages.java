package de.buergerkonto.gateway.pages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;

import reactor.core.publisher.Mono;

/**
 * The gateway's own citizen pages, written from filters (Thymeleaf templates under
 * {@code templates/gateway/}, texts in {@code i18n/gateway}): German, English with {@code ?lang=en};
 * never cached.
 */
@Component
public class Pages {

    private final ISpringWebFluxTemplateEngine templates;

    public Pages(ISpringWebFluxTemplateEngine templates) {
        this.templates = templates;
    }

    public static Locale locale(ServerWebExchange exchange) {
        return "en".equals(exchange.getRequest().getQueryParams().getFirst("lang")) ? Locale.ENGLISH : Locale.GERMAN;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String template, Map<String, Object> model) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Locale locale = locale(exchange);
        Context context = new Context(locale);
        context.setVariables(model);
        context.setVariable("lang", locale.getLanguage());
        String html = templates.process("gateway/" + template, context);
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setCacheControl("no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
    }
}
