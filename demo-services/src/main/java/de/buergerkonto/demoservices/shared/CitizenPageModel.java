package de.buergerkonto.demoservices.shared;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestAttribute;

/** What every service page shows: who is logged in, at which level, with which attributes, in which language. */
@ControllerAdvice(annotations = CitizenPage.class)
class CitizenPageModel {

    private final DemoServiceProperties properties;

    CitizenPageModel(DemoServiceProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("citizen")
    Citizen citizen(@AuthenticationPrincipal Jwt token,
            @RequestAttribute(GatewayAssertion.ATTRIBUTE) GatewayAssertion assertion) {
        return Citizen.of(token, assertion);
    }

    @ModelAttribute("service")
    DemoServiceProperties service() {
        return properties;
    }

    /** The page's own path, for the language switch. */
    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }
}
