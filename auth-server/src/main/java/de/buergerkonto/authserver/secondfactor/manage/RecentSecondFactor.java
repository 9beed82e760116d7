package de.buergerkonto.authserver.secondfactor.manage;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.secondfactor.SecondFactorSessions;

/**
 * The rule for changes that could hand a second factor to whoever has only the password (adding
 * another factor, new recovery codes) or take the last one away: the session must have passed a
 * second factor within {@link SecondFactorSessions#RECENT}. When it has not, the page says so and
 * links to {@code /login/second-factor}; the page's address is kept in the request cache, so the
 * verification step brings the citizen back to it.
 */
@Component
class RecentSecondFactor {

    private final Clock clock;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    RecentSecondFactor(Clock clock) {
        this.clock = clock;
    }

    boolean holds(CitizenAuthentication login) {
        return SecondFactorSessions.usedSecondFactorRecently(login, clock.instant());
    }

    /** Shows the "confirm with a code first" notice on the page and remembers the page to return to. */
    void askFor(HttpServletRequest request, HttpServletResponse response, Model model) {
        requestCache.saveRequest(request, response);
        model.addAttribute("needsRecentSecondFactor", true);
        model.addAttribute("recentMinutes", SecondFactorSessions.RECENT.toMinutes());
    }
}
