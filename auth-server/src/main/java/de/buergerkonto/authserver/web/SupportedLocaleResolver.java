package de.buergerkonto.authserver.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The citizen's language: German unless English was chosen with {@code ?lang=en}, which is kept
 * in a cookie. Any other language, from the parameter or a tampered cookie, is German: the
 * pages exist in these two only, and a page must not claim a {@code lang} it is not written in.
 */
final class SupportedLocaleResolver extends CookieLocaleResolver {

    static final Locale DEFAULT = Locale.GERMAN;
    static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

    SupportedLocaleResolver() {
        super("buergerkonto-lang");
        setDefaultLocaleFunction(request -> DEFAULT);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
    }

    @Override
    protected Locale parseLocaleValue(String value) {
        return supported(super.parseLocaleValue(value));
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        Locale chosen = context == null ? null : context.getLocale();
        super.setLocaleContext(request, response, new SimpleLocaleContext(supported(chosen)));
    }

    static Locale supported(Locale locale) {
        if (locale == null) {
            return DEFAULT;
        }
        return SUPPORTED.stream()
                .filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(DEFAULT);
    }
}
