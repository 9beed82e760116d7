package de.buergerkonto.authserver.selfservice;

import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.login.CitizenAuthentication;

/** The start page after login: who is logged in, at which trust level, and the logout button. */
@Controller
class AccountHomeController {

    private final AccountRepository accounts;

    AccountHomeController(AccountRepository accounts) {
        this.accounts = accounts;
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
        model.addAttribute("email", account.get().email());
        model.addAttribute("level", ((CitizenAuthentication) authentication).level().name());
        return "account-home";
    }
}
