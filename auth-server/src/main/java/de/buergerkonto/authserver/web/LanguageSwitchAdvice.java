package de.buergerkonto.authserver.web;

import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Gives every page the header's link to the other language, keeping the page's own query. */
@ControllerAdvice
class LanguageSwitchAdvice {

    @ModelAttribute("languageSwitch")
    LanguageSwitch languageSwitch(HttpServletRequest request, Locale locale) {
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String target = english ? Locale.GERMAN.getLanguage() : Locale.ENGLISH.getLanguage();
        String href = UriComponentsBuilder.newInstance()
                .query(queryShownInBrowser(request))
                .replaceQueryParam(LocaleConfig.LANGUAGE_PARAMETER, target)
                .build()
                .toUriString();
        return new LanguageSwitch(target, english ? "Deutsch" : "English", href);
    }

    /** On a forward the browser still shows the original address; an error page has lost its query. */
    private static String queryShownInBrowser(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return null;
        }
        if (request.getDispatcherType() == DispatcherType.FORWARD) {
            return (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        }
        return request.getQueryString();
    }
}
