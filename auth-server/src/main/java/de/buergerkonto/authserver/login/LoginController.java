package de.buergerkonto.authserver.login;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; the form posts to Spring Security's login processing at {@code POST /login}. */
@Controller
class LoginController {

    static final String EMAIL_PARAMETER = "email";
    /** The page never promises more than a day, whatever the query says. */
    private static final int MAX_MINUTES_SHOWN = 24 * 60;

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "minutes", defaultValue = "1") int minutes,
            @RequestParam(name = "logout", required = false) String logout, HttpSession session, Model model) {
        if (error != null) {
            LoginError reason = LoginError.fromParameter(error);
            model.addAttribute("loginError", reason.name());
            model.addAttribute("loginErrorMessage", reason.messageKey());
            model.addAttribute("minutes", Math.min(Math.max(minutes, 1), MAX_MINUTES_SHOWN));
            model.addAttribute("email", LoginEmail.get(session));
        } else {
            model.addAttribute("email", "");
        }
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
