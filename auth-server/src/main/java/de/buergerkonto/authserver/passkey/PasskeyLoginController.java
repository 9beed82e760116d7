package de.buergerkonto.authserver.passkey;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.audit.AccountEvent;
import de.buergerkonto.authserver.audit.AccountEvents;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.login.SessionLogins;

/**
 * "Mit Passkey anmelden" on the login page: {@code POST /login/passkey/options} hands out the
 * request options (a fresh challenge, no email asked), the page's script lets the browser sign it,
 * and {@code POST /login/passkey} takes the assertion as the form field {@code credential}. A
 * verified assertion with user verification logs the citizen in ({@link PasskeyLogins#passkeyAlone})
 * and continues the waiting authorization request like the password login; anything else goes
 * back to the login page with one message, whatever failed.
 */
@Controller
class PasskeyLoginController {

    static final String PATH = "/login/passkey";
    private static final String FAILED = "redirect:/login?error=passkey";

    private final PasskeyAssertions assertions;
    private final AccountRepository accounts;
    private final SessionLogins sessionLogins;
    private final AccountEvents events;
    private final Clock clock;

    PasskeyLoginController(PasskeyAssertions assertions, AccountRepository accounts, SessionLogins sessionLogins,
            AccountEvents events, Clock clock) {
        this.assertions = assertions;
        this.accounts = accounts;
        this.sessionLogins = sessionLogins;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping(path = PATH + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> options() {
        return assertions.loginOptions();
    }

    @PostMapping(PATH)
    String logIn(@RequestParam(name = "credential", defaultValue = "") String credential, HttpServletRequest request,
            HttpServletResponse response) throws IOException, ServletException {
        if (!(assertions.verifyLogin(credential) instanceof PasskeyAssertions.Outcome.Verified verified)) {
            return FAILED;
        }
        Optional<Account> account = accounts.findById(verified.accountId()).filter(Account::canLogIn);
        if (account.isEmpty()) {
            return FAILED;
        }
        CitizenAuthentication login = PasskeyLogins.passkeyAlone(account.get(), clock.instant());
        login.setDetails(new WebAuthenticationDetails(request));
        events.record(AccountEvent.PASSKEY_LOGIN, account.get().id());
        sessionLogins.logIn(login, request, response);
        return null;
    }
}
