package de.buergerkonto.authserver.authorization;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import de.buergerkonto.authserver.authorization.AuthorizationEndpointErrorHandler.AuthorizationError;

/**
 * Shows the page {@code oauth-error} for authorization requests that cannot be answered
 * with a redirect; every other error keeps the default error handling.
 */
@Component
final class AuthorizationErrorViewResolver implements ErrorViewResolver, Ordered {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (!(request.getAttribute(AuthorizationEndpointErrorHandler.ERROR_ATTRIBUTE) instanceof AuthorizationError error)) {
            return null;
        }
        return new ModelAndView("oauth-error", Map.of("authorizationError", error), HttpStatus.BAD_REQUEST);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
