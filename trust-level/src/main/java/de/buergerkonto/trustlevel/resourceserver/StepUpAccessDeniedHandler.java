package de.buergerkonto.trustlevel.resourceserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a {@link StepUpChallenge} denial with RFC 9470, section 3: {@code 401}, the
 * {@code WWW-Authenticate: Bearer error="insufficient_user_authentication", ...} challenge and
 * the same error as JSON. Every other denial goes to the delegate, by default Spring Security's
 * {@link BearerTokenAccessDeniedHandler} ({@code 403 insufficient_scope}, RFC 6750, section 3.1).
 *
 * <p>Wire it where the resource server is configured:
 * {@code .oauth2ResourceServer(rs -> rs.jwt(withDefaults()).accessDeniedHandler(new StepUpAccessDeniedHandler()))}.
 */
public final class StepUpAccessDeniedHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler delegate;

    public StepUpAccessDeniedHandler() {
        this(new BearerTokenAccessDeniedHandler());
    }

    public StepUpAccessDeniedHandler(AccessDeniedHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof AuthorizationDeniedException authorizationDenied)
                || !(authorizationDenied.getAuthorizationResult() instanceof StepUpChallenge challenge)) {
            delegate.handle(request, response, denied);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge.wwwAuthenticate());
        // the answer depends on the token, so no cache may keep it for the resource
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(challenge.errorBody());
    }
}
