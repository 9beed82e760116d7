package de.buergerkonto.authserver.stepup;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page for a citizen whose account cannot reach the level a service needs: which level,
 * what is missing, how to set it up, and the way back to the service (which then learns that
 * the login did not reach its level).
 */
@Controller
class LevelOutOfReachController {

    @GetMapping(LevelOutOfReach.PAGE)
    String explain(HttpSession session, Model model) {
        return LevelOutOfReach.recall(session).map(explanation -> {
            model.addAttribute("gap", explanation.gap());
            model.addAttribute("returnUrl", explanation.returnUrl());
            return "stepup/level-out-of-reach";
        }).orElse("redirect:/");
    }
}
