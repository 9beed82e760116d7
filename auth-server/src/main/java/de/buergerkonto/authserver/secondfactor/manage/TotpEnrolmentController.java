package de.buergerkonto.authserver.secondfactor.manage;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.totp.OtpAuthUri;
import de.buergerkonto.authserver.secondfactor.totp.PendingTotpEnrolment;
import de.buergerkonto.authserver.secondfactor.totp.Totp;
import de.buergerkonto.authserver.secondfactor.totp.TotpFactors;

/**
 * {@code /account/second-factors/totp/new}: enrolment of an authenticator app. The page shows
 * the secret as a QR code and as a key in blocks of four, and asks for a first code; only a right
 * code stores the factor. The first second factor of an account brings the recovery codes, shown
 * once on the page that answers the confirmation (never stored in clear, never shown again).
 *
 * <p>An account that already has a second factor may add another only with a second factor
 * passed recently: otherwise whoever knows the password could enrol an app of their own.
 */
@Controller
class TotpEnrolmentController {

    static final String PATH = SecondFactorsController.PATH + "/totp/new";
    static final String ISSUER = "Bürgerkonto";
    static final String DEFAULT_NAME = "Authenticator-App";

    private final AccountRepository accounts;
    private final SecondFactorRepository factors;
    private final TotpFactors totpFactors;
    private final SecondFactorManagement management;
    private final RecentSecondFactor recent;

    TotpEnrolmentController(AccountRepository accounts, SecondFactorRepository factors, TotpFactors totpFactors,
            SecondFactorManagement management, RecentSecondFactor recent) {
        this.accounts = accounts;
        this.factors = factors;
        this.totpFactors = totpFactors;
        this.management = management;
        this.recent = recent;
    }

    @GetMapping(PATH)
    String form(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        if (mustConfirmFirst(login)) {
            recent.askFor(request, response, model);
            return "second-factor/totp-new";
        }
        return showEnrolment(login, new EnrolmentForm(DEFAULT_NAME, ""), model);
    }

    @PostMapping(PATH)
    String confirm(Authentication authentication, @ModelAttribute("form") EnrolmentForm form, BindingResult errors,
            Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        if (mustConfirmFirst(login)) {
            return "redirect:" + PATH;
        }
        String name = FactorNameForm.normalize(form.factorName());
        FactorNameForm.validate(name, "factorName", errors);
        String code = form.code() == null ? "" : form.code().replaceAll("\\s", "");
        if (code.isEmpty()) {
            errors.rejectValue("code", "second-factor.code.required");
        }
        if (errors.hasErrors()) {
            return showEnrolment(login, form, model);
        }
        Optional<SecondFactorManagement.Enrolled> enrolled = management.confirmTotp(login.accountId(), name, code);
        if (enrolled.isEmpty()) {
            errors.rejectValue("code", "second-factor.enrol.error.wrong-code");
            return showEnrolment(login, form, model);
        }
        if (enrolled.get().recoveryCodes().isEmpty()) {
            return "redirect:" + SecondFactorsController.PATH + "?done="
                    + SecondFactorsController.Done.ADDED.parameter();
        }
        model.addAttribute("codes", enrolled.get().recoveryCodes());
        model.addAttribute("afterEnrolment", true);
        return "second-factor/recovery-codes";
    }

    private boolean mustConfirmFirst(CitizenAuthentication login) {
        return factors.hasAny(login.accountId()) && !recent.holds(login);
    }

    private String showEnrolment(CitizenAuthentication login, EnrolmentForm form, Model model) {
        Account account = accounts.findById(login.accountId())
                .orElseThrow(() -> new IllegalStateException("The logged-in account no longer exists"));
        PendingTotpEnrolment pending = totpFactors.pendingEnrolment(account.id());
        // the app's label; an account created by the ID card has no email, the issuer alone names it
        String label = account.hasEmail() ? account.email() : ISSUER;
        String uri = OtpAuthUri.of(ISSUER, label, pending.base32Secret(), Totp.authenticatorApp());
        model.addAttribute("form", form);
        model.addAttribute("qrCode", QrCodeSvg.of(uri));
        model.addAttribute("otpauthUri", uri);
        model.addAttribute("manualKey", pending.groupedSecret());
        model.addAttribute("email", account.email());
        return "second-factor/totp-new";
    }

    /** What the enrolment page posts. */
    record EnrolmentForm(String factorName, String code) {
    }
}
