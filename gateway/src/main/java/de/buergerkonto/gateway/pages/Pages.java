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

import de.buergerkonto.gateway.browser.BrowserRequests;
import de.buergerkonto.gateway.error.ErrorResponses;
import reactor.core.publisher.Mono;

/**
 * The gateway's own citizen pages, written from filters (Thymeleaf templates under
 * {@code templates/gateway/}, texts in {@code i18n/gateway}): German, English with {@code ?lang=en};
 * never cached.
 */
@Component
public class Pages {

    public static final String UNAVAILABLE = "The service is temporarily unavailable; try again shortly";

    private final ISpringWebFluxTemplateEngine templates;

    public Pages(ISpringWebFluxTemplateEngine templates) {
        this.templates = templates;
    }

    public static Locale locale(ServerWebExchange exchange) {
        return "en".equals(exchange.getRequest().getQueryParams().getFirst("lang")) ? Locale.ENGLISH : Locale.GERMAN;
    }

    /** 503 while a store the gateway needs (Redis) does not answer: the page for browsers, JSON otherwise. */
    public Mono<Void> serviceUnavailable(ServerWebExchange exchange) {
        if (BrowserRequests.acceptsHtml(exchange.getRequest())) {
            return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", Map.of());
        }
        return ErrorResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable", UNAVAILABLE);
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
