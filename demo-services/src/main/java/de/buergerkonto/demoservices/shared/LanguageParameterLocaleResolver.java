package de.buergerkonto.demoservices.shared;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * German unless the request asks for English with {@code ?lang=en}; pages carry the parameter in
 * their links and forms. Nothing is stored: these services keep no session.
 */
final class LanguageParameterLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.GERMAN;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen per request with ?lang=");
    }
}
