package de.buergerkonto.authserver.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a failing store (Redis) anywhere in a request, including Spring Session's write at its
 * end, into {@code 503 Service Unavailable}: an HTML page for browsers (through the error
 * page), the OAuth error {@code temporarily_unavailable} as JSON for every other caller. The
 * request fails closed: nothing it asked for was granted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DependencyFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DependencyFailureFilter.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (DataAccessException | ServletException | IllegalStateException e) {
            if (!causedByStore(e)) {
                throw e;
            }
            log.warn("Store unavailable, answering 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getClass().getSimpleName());
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            if (asksForHtml(request)) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"temporarily_unavailable\","
                    + "\"error_description\":\"The service is temporarily unavailable, please retry later\"}");
        }
    }

    /** A browser names HTML in its Accept header; API callers send JSON, a wildcard or nothing. */
    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static boolean causedByStore(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }
}
