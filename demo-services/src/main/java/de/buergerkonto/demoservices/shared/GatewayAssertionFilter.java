package de.buergerkonto.demoservices.shared;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request without exactly one valid gateway assertion for this service's route, before
 * the access token is even looked at: a call that bypasses the gateway (directly to the service's
 * port) is refused whatever token it brings. A verified assertion is kept as the request attribute
 * {@link GatewayAssertion#ATTRIBUTE}; {@link AssertionMatchesToken} later ties it to the token.
 */
final class GatewayAssertionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(GatewayAssertionFilter.class);

    private final GatewayAssertionVerifier verifier;
    private final GatewayRefusal refusal;

    GatewayAssertionFilter(GatewayAssertionVerifier verifier, GatewayRefusal refusal) {
        this.verifier = verifier;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> headers = Collections.list(request.getHeaders(GatewayAssertion.HEADER));
        if (headers.size() != 1) {
            log.info("Refused {} {}: {} gateway assertions", request.getMethod(), request.getRequestURI(), headers.size());
            refusal.refuse(request, response, false);
            return;
        }
        try {
            request.setAttribute(GatewayAssertion.ATTRIBUTE, verifier.verify(headers.get(0)));
        } catch (GatewayAssertionException e) {
            log.info("Refused {} {}: gateway assertion not accepted ({})", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            refusal.refuse(request, response, e.keysUnavailable());
            return;
        }
        chain.doFilter(request, response);
    }
}
