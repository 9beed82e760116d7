package de.buergerkonto.authserver.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the form posts to Spring Security's login processing. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
