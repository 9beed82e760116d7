package de.buergerkonto.authserver.registration;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import de.buergerkonto.authserver.account.EmailAddress;
import de.buergerkonto.authserver.password.ChosenPasswordValidator;

/** {@code /register}: the form, its checks, and the page that asks the citizen to open their mail. */
@Controller
class RegistrationController {

    private final Registration registration;
    private final ChosenPasswordValidator passwordValidator;

    RegistrationController(Registration registration, ChosenPasswordValidator passwordValidator) {
        this.registration = registration;
        this.passwordValidator = passwordValidator;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return "register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult errors) {
        String email = EmailAddress.normalize(form.email());
        if (!EmailAddress.isDeliverable(email)) {
            errors.rejectValue("email", email.isEmpty() ? "email.required" : "email.invalid");
        }
        passwordValidator.validate(form.password(), form.passwordConfirmation(), email, errors);
        if (errors.hasErrors()) {
            return "register";
        }
        registration.register(email, form.password());
        return "redirect:/register/check-mailbox";
    }

    @GetMapping("/register/check-mailbox")
    String checkMailbox() {
        return "register-check-mailbox";
    }
}
