package de.buergerkonto.authserver.eid;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.secondfactor.SecondFactorSessions;

/**
 * {@code GET /account/identity/eid/relink}: the explicit way to a new card. Without a recent
 * password + second factor login the page asks for it first and is remembered, so the
 * second-factor step comes back here; then it offers the card ({@code POST}, {@link EidStartController}).
 */
@Controller
@ConditionalOnProperty(EidProperties.ENABLED_BY)
class RelinkPageController {

    private final Clock clock;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    RelinkPageController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping(EidStartController.RELINK_PATH)
    String page(Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean recent = authentication instanceof CitizenAuthentication login
                && SecondFactorSessions.usedSecondFactorRecently(login, clock.instant());
        if (!recent) {
            requestCache.saveRequest(request, response);
            model.addAttribute("needsRecentSecondFactor", true);
            model.addAttribute("recentMinutes", SecondFactorSessions.RECENT.toMinutes());
        }
        return "eid/relink";
    }
}
