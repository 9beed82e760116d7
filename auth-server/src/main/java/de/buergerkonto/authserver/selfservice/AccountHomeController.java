package de.buergerkonto.authserver.selfservice;

import java.time.ZoneId;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.eid.CardLinks;
import de.buergerkonto.authserver.eid.VerifiedIdentity;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorSessions;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The start page after login: who is logged in, at which trust level, the way to the second
 * factors, and the logout button. A citizen with a second factor whose session has not used it
 * is offered to confirm with it; no login asks for it on its own yet.
 */
@Controller
class AccountHomeController {

    private final AccountRepository accounts;
    private final SecondFactorRepository secondFactors;
    private final CardLinks cardLinks;

    AccountHomeController(AccountRepository accounts, SecondFactorRepository secondFactors, CardLinks cardLinks) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.cardLinks = cardLinks;
    }

    @GetMapping("/")
    String home(Authentication authentication, HttpServletRequest request, Model model) throws ServletException {
        Optional<Account> account = authentication instanceof CitizenAuthentication login
                ? accounts.findById(login.accountId())
                : Optional.empty();
        if (account.isEmpty()) {
            // not a citizen's login, or the account was deleted while this session lived on
            request.logout();
            return "redirect:/login";
        }
        CitizenAuthentication login = (CitizenAuthentication) authentication;
        model.addAttribute("email", account.get().email());
        model.addAttribute("level", login.level().name());
        // the ID card: proven (when), or the offer to prove the identity
        model.addAttribute("identityProven", account.get().identityProofing() == AssuranceLevel.HIGH);
        model.addAttribute("verifiedAt", cardLinks.verifiedIdentity(account.get().id())
                .map(VerifiedIdentity::verifiedAt).map(at -> at.atZone(ZoneId.of("Europe/Berlin")).toLocalDate())
                .orElse(null));
        model.addAttribute("offerSecondFactor",
                !SecondFactorSessions.usedSecondFactor(login) && secondFactors.hasAny(login.accountId()));
        return "account-home";
    }
}
