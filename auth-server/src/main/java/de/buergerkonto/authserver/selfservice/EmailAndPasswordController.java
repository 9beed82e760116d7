package de.buergerkonto.authserver.selfservice;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.EmailAddress;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.password.ChosenPasswordValidator;
import de.buergerkonto.authserver.registration.RegistrationForm;

/**
 * {@code /account/email-password}: an account without email (created by the ID card) adds
 * email and password ({@link EmailAndPassword}); the same checks as the registration form.
 * Accounts that have an email are sent to the account page.
 */
@Controller
class EmailAndPasswordController {

    static final String PATH = "/account/email-password";

    private final AccountRepository accounts;
    private final EmailAndPassword emailAndPassword;
    private final ChosenPasswordValidator passwordValidator;

    EmailAndPasswordController(AccountRepository accounts, EmailAndPassword emailAndPassword,
            ChosenPasswordValidator passwordValidator) {
        this.accounts = accounts;
        this.emailAndPassword = emailAndPassword;
        this.passwordValidator = passwordValidator;
    }

    @GetMapping(PATH)
    String form(Authentication authentication, Model model) {
        if (withoutEmail(authentication).isEmpty()) {
            return "redirect:/";
        }
        model.addAttribute("form", new RegistrationForm("", "", ""));
        return "account/email-password";
    }

    @PostMapping(PATH)
    String add(Authentication authentication, @ModelAttribute("form") RegistrationForm form, BindingResult errors) {
        Optional<Account> account = withoutEmail(authentication);
        if (account.isEmpty()) {
            return "redirect:/";
        }
        String email = EmailAddress.normalize(form.email());
        if (!EmailAddress.isDeliverable(email)) {
            errors.rejectValue("email", email.isEmpty() ? "email.required" : "email.invalid");
        }
        passwordValidator.validate(form.password(), form.passwordConfirmation(), email, errors);
        if (errors.hasErrors()) {
            return "account/email-password";
        }
        emailAndPassword.add(account.get(), email, form.password());
        return "redirect:/register/check-mailbox";
    }

    private Optional<Account> withoutEmail(Authentication authentication) {
        return authentication instanceof CitizenAuthentication login
                ? accounts.findById(login.accountId()).filter(account -> !account.hasEmail())
                : Optional.empty();
    }
}
