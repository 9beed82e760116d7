package de.buergerkonto.authserver.secondfactor.manage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;

/**
 * {@code /account/second-factors/recovery-codes/new}: a new set of recovery codes, replacing the
 * old one, shown once on the page that answers the POST. It needs a second factor passed
 * recently: new codes are a way past the second factor for whoever sees them.
 */
@Controller
class RecoveryCodesController {

    static final String PATH = SecondFactorsController.PATH + "/recovery-codes/new";

    private final SecondFactorRepository factors;
    private final SecondFactorManagement management;
    private final RecentSecondFactor recent;

    RecoveryCodesController(SecondFactorRepository factors, SecondFactorManagement management,
            RecentSecondFactor recent) {
        this.factors = factors;
        this.management = management;
        this.recent = recent;
    }

    @GetMapping(PATH)
    String confirmForm(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        if (!factors.hasAny(login.accountId())) {
            return "redirect:" + SecondFactorsController.PATH;
        }
        if (!recent.holds(login)) {
            recent.askFor(request, response, model);
        }
        return "second-factor/recovery-codes-new";
    }

    @PostMapping(PATH)
    String regenerate(Authentication authentication, Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        if (!factors.hasAny(login.accountId()) || !recent.holds(login)) {
            return "redirect:" + PATH;
        }
        model.addAttribute("codes", management.regenerateRecoveryCodes(login.accountId()));
        model.addAttribute("afterEnrolment", false);
        return "second-factor/recovery-codes";
    }
}
