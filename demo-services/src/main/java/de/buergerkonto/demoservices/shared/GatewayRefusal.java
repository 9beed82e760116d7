package de.buergerkonto.demoservices.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The answer to a request that did not come through the gateway for this service, or whose
 * assertion belongs to another token: {@code 403} (or {@code 503} when the gateway's keys cannot
 * be read), JSON for {@code <prefix>/api/**} and for callers that do not ask for HTML, otherwise
 * a short German/English page. Also the access-denied handler for every denial that is not a
 * step-up challenge.
 */
public final class GatewayRefusal implements AccessDeniedHandler {

    private final String apiPrefix;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;

    GatewayRefusal(String prefix, ITemplateEngine templates, LocaleResolver locales) {
        this.apiPrefix = prefix + "/api/";
        this.templates = templates;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        refuse(request, response, false);
    }

    /** Writes the refusal; {@code keysUnavailable}: the assertion could not be judged (503), not found wrong (403). */
    void refuse(HttpServletRequest request, HttpServletResponse response, boolean keysUnavailable) throws IOException {
        response.setStatus(keysUnavailable ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_FORBIDDEN);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsJson(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(keysUnavailable
                    ? "{\"error\":\"temporarily_unavailable\",\"error_description\":\"The gateway's keys cannot be read\"}"
                    : "{\"error\":\"access_denied\",\"error_description\":\"Only requests through the Bürgerkonto gateway are served\"}");
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        Context context = new Context(locales.resolveLocale(request),
                Map.of("unavailable", keysUnavailable, "lang", locales.resolveLocale(request).getLanguage()));
        templates.process("refused", context, response.getWriter());
    }

    private boolean wantsJson(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(apiPrefix)) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
