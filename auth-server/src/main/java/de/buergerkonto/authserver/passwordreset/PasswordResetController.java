package de.buergerkonto.authserver.passwordreset;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.password.ChosenPasswordValidator;

/**
 * {@code /password-reset}: ask for a link (always the same answer), then choose a new password
 * with the link. The link is only used up when a password that passes the policy is posted, so
 * a rejected password does not cost the citizen a new mail.
 */
@Controller
class PasswordResetController {

    private final PasswordReset reset;
    private final ChosenPasswordValidator passwordValidator;

    PasswordResetController(PasswordReset reset, ChosenPasswordValidator passwordValidator) {
        this.reset = reset;
        this.passwordValidator = passwordValidator;
    }

    @GetMapping("/password-reset")
    String requestForm() {
        return "password-reset/request";
    }

    @PostMapping("/password-reset")
    String requestLink(@RequestParam(name = "email", defaultValue = "") String email) {
        if (email.isBlank()) {
            return "redirect:/password-reset";
        }
        reset.requestLink(email);
        return "redirect:/password-reset/sent";
    }

    @GetMapping("/password-reset/sent")
    String sent() {
        return "password-reset/sent";
    }

    @GetMapping("/password-reset/new")
    String newPasswordForm(@RequestParam(name = "token", required = false) String token, Model model) {
        if (reset.accountFor(token).isEmpty()) {
            return "password-reset/invalid";
        }
        model.addAttribute("form", new NewPasswordForm(token, "", ""));
        return "password-reset/new-password";
    }

    @PostMapping("/password-reset/new")
    String setPassword(@ModelAttribute("form") NewPasswordForm form, BindingResult errors) {
        Optional<Account> account = reset.accountFor(form.token());
        if (account.isEmpty()) {
            return "password-reset/invalid";
        }
        passwordValidator.validate(form.password(), form.passwordConfirmation(), account.get().email(), errors);
        if (errors.hasErrors()) {
            return "password-reset/new-password";
        }
        return reset.setPassword(form.token(), form.password()) ? "password-reset/done" : "password-reset/invalid";
    }
}
