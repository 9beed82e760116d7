package de.buergerkonto.authserver.secondfactor.manage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.secondfactor.SecondFactor;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository.Removal;
import de.buergerkonto.authserver.secondfactor.SecondFactorSessions;
import de.buergerkonto.authserver.secondfactor.recovery.RecoveryCodes;

/**
 * {@code /account/second-factors}: the list of the account's second factors, renaming and
 * removing one. Removing the last one needs a second factor passed in this session within the
 * last 30 minutes ({@link RecentSecondFactor}); the remove page asks for it first.
 */
@Controller
class SecondFactorsController {

    static final String PATH = "/account/second-factors";

    private final SecondFactorRepository factors;
    private final RecoveryCodes recoveryCodes;
    private final SecondFactorManagement management;
    private final RecentSecondFactor recent;

    SecondFactorsController(SecondFactorRepository factors, RecoveryCodes recoveryCodes,
            SecondFactorManagement management, RecentSecondFactor recent) {
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.management = management;
        this.recent = recent;
    }

    @GetMapping(PATH)
    String list(Authentication authentication, @RequestParam(name = "done", required = false) String done,
            Locale locale, Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        List<FactorRow> rows = factors.findAll(login.accountId()).stream()
                .map(factor -> FactorRow.of(factor, locale))
                .toList();
        model.addAttribute("factors", rows);
        model.addAttribute("recoveryCodesLeft", recoveryCodes.remaining(login.accountId()));
        model.addAttribute("usedSecondFactor", SecondFactorSessions.usedSecondFactor(login));
        model.addAttribute("recentMinutes", SecondFactorSessions.RECENT.toMinutes());
        model.addAttribute("done", Done.fromParameter(done).map(Done::messageKey).orElse(null));
        return "second-factor/list";
    }

    @GetMapping(PATH + "/{factorId}/rename")
    String renameForm(Authentication authentication, @PathVariable String factorId, Model model) {
        SecondFactor factor = factor(CitizenLogins.of(authentication), factorId);
        model.addAttribute("factor", factor);
        model.addAttribute("form", new RenameForm(factor.name()));
        return "second-factor/rename";
    }

    @PostMapping(PATH + "/{factorId}/rename")
    String rename(Authentication authentication, @PathVariable String factorId,
            @ModelAttribute("form") RenameForm form, BindingResult errors, Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        SecondFactor factor = factor(login, factorId);
        String name = FactorNameForm.normalize(form.factorName());
        FactorNameForm.validate(name, "factorName", errors);
        if (errors.hasErrors()) {
            model.addAttribute("factor", factor);
            return "second-factor/rename";
        }
        if (!management.rename(login.accountId(), factorId, name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:" + PATH + "?done=" + Done.RENAMED.parameter();
    }

    @GetMapping(PATH + "/{factorId}/remove")
    String removeForm(Authentication authentication, @PathVariable String factorId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        SecondFactor factor = factor(login, factorId);
        boolean last = factors.findAll(login.accountId()).size() <= 1;
        model.addAttribute("factor", factor);
        model.addAttribute("last", last);
        if (last && !recent.holds(login)) {
            recent.askFor(request, response, model);
        }
        return "second-factor/remove";
    }

    @PostMapping(PATH + "/{factorId}/remove")
    String remove(Authentication authentication, @PathVariable String factorId, Model model) {
        CitizenAuthentication login = CitizenLogins.of(authentication);
        Removal removal = management.remove(login.accountId(), factorId, recent.holds(login));
        if (removal == Removal.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (removal == Removal.REFUSED_LAST) {
            return "redirect:" + PATH + "/" + factorId + "/remove";
        }
        return "redirect:" + PATH + "?done=" + Done.REMOVED.parameter();
    }

    private SecondFactor factor(CitizenAuthentication login, String factorId) {
        Optional<SecondFactor> factor = factors.find(login.accountId(), factorId);
        return factor.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** What the rename page posts. */
    record RenameForm(String factorName) {
    }

    /** The confirmation the list shows after a change (Post/Redirect/Get). */
    enum Done {
        ADDED, PASSKEY_ADDED, RENAMED, REMOVED;

        String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        String messageKey() {
            return "second-factors.done." + parameter();
        }

        static Optional<Done> fromParameter(String value) {
            for (Done done : values()) {
                if (done.parameter().equals(value)) {
                    return Optional.of(done);
                }
            }
            return Optional.empty();
        }
    }
}
