package de.buergerkonto.authserver.eid;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

import de.buergerkonto.authserver.login.CitizenAuthentication;

/**
 * The ways to the ID card: each issues a one-time {@code state} for this session and sends the
 * browser to the eID adapter's {@code /eid/start} with our callback as {@code return}.
 * <ul>
 * <li>{@code GET /login/eid}: log in with the card (the login page's link; a saved authorization
 * request stays in the session and is continued after the callback);</li>
 * <li>{@code GET /login/eid/step-up}: the logged-in citizen presents the linked card for a
 * service that needs high ({@code stepup.CardStepUpRequiredException});</li>
 * <li>{@code POST /account/identity/eid}: prove the account's identity (account page, CSRF-protected);</li>
 * <li>{@code POST /account/identity/eid/relink}: link a new card (the relink page, CSRF-protected).</li>
 * </ul>
 */
@Controller
@ConditionalOnProperty(EidProperties.ENABLED_BY)
class EidStartController {

    static final String LOGIN_PATH = "/login/eid";
    static final String STEP_UP_PATH = "/login/eid/step-up";
    static final String PROOF_PATH = "/account/identity/eid";
    static final String RELINK_PATH = "/account/identity/eid/relink";

    private final EidProperties properties;
    private final EidStates states;

    EidStartController(EidProperties properties, EidStates states) {
        this.properties = properties;
        this.states = states;
    }

    @GetMapping(LOGIN_PATH)
    String logIn(HttpServletRequest request) {
        return toAdapter(request.getSession(), EidIntent.LOGIN);
    }

    @GetMapping(STEP_UP_PATH)
    String stepUp(Authentication authentication, HttpServletRequest request) {
        return authentication instanceof CitizenAuthentication
                ? toAdapter(request.getSession(), EidIntent.STEP_UP)
                : "redirect:" + LOGIN_PATH;
    }

    @PostMapping(PROOF_PATH)
    String prove(HttpServletRequest request) {
        return toAdapter(request.getSession(), EidIntent.PROOF);
    }

    @PostMapping(RELINK_PATH)
    String relink(HttpServletRequest request) {
        return toAdapter(request.getSession(), EidIntent.RELINK);
    }

    private String toAdapter(HttpSession session, EidIntent intent) {
        UriComponentsBuilder start = UriComponentsBuilder.fromUri(properties.adapterStartUrl())
                .queryParam("return", properties.callbackUrl())
                .queryParam("purpose", intent.purpose().value())
                .queryParam("state", states.issue(session, intent));
        if (Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())) {
            start.queryParam("lang", "en");
        }
        return "redirect:" + start.encode().build().toUriString();
    }
}
