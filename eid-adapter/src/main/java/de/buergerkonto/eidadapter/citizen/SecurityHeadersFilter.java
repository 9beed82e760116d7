package de.buergerkonto.eidadapter.citizen;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every answer: nothing cached (pages carry one-time handles and personal data), no
 * referrer (the tc-token handle is in a URL), no framing, scripts and styles from this origin
 * only, and forms posted only here or to the registered auth-server callbacks.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

    private final String contentSecurityPolicy;

    public SecurityHeadersFilter(List<URI> returnUrls) {
        Set<String> formTargets = new LinkedHashSet<>();
        formTargets.add("'self'");
        for (URI url : returnUrls) {
            formTargets.add(url.getScheme() + "://" + url.getRawAuthority());
        }
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                + " form-action " + String.join(" ", formTargets) + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        chain.doFilter(request, response);
    }
}
