package de.buergerkonto.authserver.secondfactor.manage;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.passkey.PasskeyRegistration;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;

/**
 * {@code /account/second-factors/passkey/new}: the citizen names the passkey and the page's script
 * creates it with the browser ({@code POST .../options} gives the creation options), then posts the
 * browser's response as the form field {@code credential}. The first second factor brings the
 * recovery codes, as with an authenticator app; a further one needs a second factor passed
 * recently ({@link RecentSecondFactor}), so whoever knows only the password cannot add a passkey
 * of their own.
 */
@Controller
class PasskeyRegistrationController {

    static final String PATH = SecondFactorsController.PATH + "/passkey/new";
    static final String DEFAULT_NAME = "Passkey";

    private final AccountRepository accounts;
    private final SecondFactorRepository factors;
    private final PasskeyRegistration registration;
    private final SecondFactorManagement management;
    private final RecentSecondFactor recent;

    PasskeyRegistrationController(AccountRepository accounts, SecondFactorRepository factors,
            PasskeyRegistration registration, SecondFactorManagement management, RecentSecondFactor recent) {
        this.accounts = accounts;
        this.factors = factors;
        this.registration = registration;
        this.management = management;
        this.recent = recent;
    }

    @GetMapping(PATH)
    String form(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        if (mustConfirmFirst(login)) {
            recent.askFor(request, response, model);
        }
        model.addAttribute("form", new RegistrationForm(DEFAULT_NAME, ""));
        return "second-factor/passkey-new";
    }

    @PostMapping(path = SecondFactorsController.PATH + "/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> options(Authentication authentication) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        if (mustConfirmFirst(login)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Account account = accounts.findById(login.accountId())
                .orElseThrow(() -> new IllegalStateException("The logged-in account no longer exists"));
        return registration.creationOptions(account);
    }

    @PostMapping(PATH)
    String register(Authentication authentication, @ModelAttribute("form") RegistrationForm form,
            BindingResult errors, Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        if (mustConfirmFirst(login)) {
            return "redirect:" + PATH;
        }
        String name = FactorNameForm.normalize(form.factorName());
        FactorNameForm.validate(name, "factorName", errors);
        if (errors.hasErrors()) {
            return "second-factor/passkey-new";
        }
        String credential = form.credential() == null ? "" : form.credential();
        Optional<SecondFactorManagement.Enrolled> enrolled = credential.isBlank() ? Optional.empty()
                : management.registerPasskey(login.accountId(), name, credential);
        if (enrolled.isEmpty()) {
            errors.rejectValue("credential", "passkey.register.error.refused");
            return "second-factor/passkey-new";
        }
        if (enrolled.get().recoveryCodes().isEmpty()) {
            return "redirect:" + SecondFactorsController.PATH + "?done="
                    + SecondFactorsController.Done.PASSKEY_ADDED.parameter();
        }
        model.addAttribute("codes", enrolled.get().recoveryCodes());
        model.addAttribute("afterEnrolment", true);
        model.addAttribute("passkeyEnrolled", true);
        return "second-factor/recovery-codes";
    }

    private boolean mustConfirmFirst(CitizenAuthentication login) {
        return factors.hasAny(login.accountId()) && !recent.holds(login);
    }

    /** What the registration page posts: the name, and the browser's response as JSON. */
    record RegistrationForm(String factorName, String credential) {
    }
}
