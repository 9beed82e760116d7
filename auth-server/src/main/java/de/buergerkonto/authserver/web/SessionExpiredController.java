package de.buergerkonto.authserver.web;

import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import de.buergerkonto.authserver.security.CitizenSecurityConfig;

/**
 * The page for a form posted without a valid CSRF token, which for a citizen means the session
 * expired (or the form was open in an old tab). Offers the form again where that makes sense.
 */
@Controller
class SessionExpiredController {

    /** Forms that can be opened again without a token; any other post starts over at the start page. */
    private static final Set<String> FORMS = Set.of("/login", "/register", "/password-reset", "/verify-email/resend");

    @RequestMapping(CitizenSecurityConfig.SESSION_EXPIRED_PAGE)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String sessionExpired(HttpServletRequest request, Model model) {
        Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        model.addAttribute("retryPath", FORMS.contains(original) ? original : "/");
        return "error/session-expired";
    }
}
