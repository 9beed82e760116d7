package de.buergerkonto.authserver.emailverification;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.authserver.login.LoginEmail;

/**
 * The verification link and the form to ask for a new one. Opening the link shows a button
 * and only its POST uses the token up: mail scanners that fetch every link in a mail would
 * otherwise spend the citizen's token before they click.
 */
@Controller
class EmailVerificationController {

    private final EmailVerification verification;

    EmailVerificationController(EmailVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify-email")
    String confirm(@RequestParam(name = "token", required = false) String token, Model model) {
        if (!verification.isValid(token)) {
            return "verify-email/invalid";
        }
        model.addAttribute("token", token);
        return "verify-email/confirm";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam(name = "token", required = false) String token) {
        return verification.verify(token).isPresent() ? "verify-email/done" : "verify-email/invalid";
    }

    @GetMapping("/verify-email/resend")
    String resendForm(HttpSession session, Model model) {
        model.addAttribute("email", LoginEmail.get(session));
        return "verify-email/resend";
    }

    @PostMapping("/verify-email/resend")
    String resend(@RequestParam(name = "email", defaultValue = "") String email) {
        if (email.isBlank()) {
            return "redirect:/verify-email/resend";
        }
        verification.resend(email);
        return "redirect:/verify-email/resend/sent";
    }

    @GetMapping("/verify-email/resend/sent")
    String resendSent() {
        return "verify-email/resend-sent";
    }
}
