package de.buergerkonto.authserver.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a browser meets is the one {@code error} page, saying what happened and what to
 * do next: the statuses a citizen can run into have their own text ({@code error.<status>.*}),
 * any other has the general one. Boot's error attributes carry no stack trace or exception
 * message here ({@code server.error.include-*}), and the page shows only the status.
 */
@Component
class CitizenErrorViewResolver implements ErrorViewResolver {

    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 500, 503);

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(model);
        page.put("errorKey", EXPLAINED.contains(status.value()) ? Integer.toString(status.value()) : "generic");
        return new ModelAndView("error", page, status);
    }
}
