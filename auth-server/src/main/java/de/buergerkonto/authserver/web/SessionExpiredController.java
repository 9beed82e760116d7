package de.buergerkonto.authserver.web;

import java.util.regex.Pattern;

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
 * expired (or the form was open in an old tab). Offers the form again.
 */
@Controller
class SessionExpiredController {

    /** Only our own plain paths are offered as "try again", never a host or a query. */
    private static final Pattern OWN_PATH = Pattern.compile("/[a-z-]+(/[a-z-]+)*");

    @RequestMapping(CitizenSecurityConfig.SESSION_EXPIRED_PAGE)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String sessionExpired(HttpServletRequest request, Model model) {
        Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        boolean ownPath = original instanceof String path && OWN_PATH.matcher(path).matches();
        model.addAttribute("retryPath", ownPath ? original : "/");
        return "error/session-expired";
    }
}
