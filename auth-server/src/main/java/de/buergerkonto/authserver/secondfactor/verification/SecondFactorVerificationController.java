package de.buergerkonto.authserver.secondfactor.verification;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.login.LoginThrottle;
import de.buergerkonto.authserver.login.SessionLogins;
import de.buergerkonto.authserver.passkey.PasskeyCredentials;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;

/**
 * {@code /login/second-factor}: a citizen logged in with a password confirms with a code from the
 * authenticator app or a recovery code. On success the session's login is replaced by the
 * multi-factor one ({@link SecondFactorAuthenticator}), the session id changes (the session now
 * carries a stronger login, as after the password step; {@link SessionLogins}), and the browser goes back to the
 * request that was waiting for this step (an authorization request, a page that needs a recent
 * second factor), else to the account page.
 */
@Controller
class SecondFactorVerificationController {

    static final String PATH = "/login/second-factor";

    private final SecondFactorAuthenticator authenticator;
    private final SecondFactorRepository factors;
    private final PasskeyCredentials passkeys;
    private final SessionLogins sessionLogins;

    SecondFactorVerificationController(SecondFactorAuthenticator authenticator, SecondFactorRepository factors,
            PasskeyCredentials passkeys, SessionLogins sessionLogins) {
        this.authenticator = authenticator;
        this.factors = factors;
        this.passkeys = passkeys;
        this.sessionLogins = sessionLogins;
    }

    @GetMapping(PATH)
    String form(Authentication authentication, @RequestParam(name = "error", required = false) String error,
            Model model) {
        CitizenAuthentication login = citizen(authentication);
        addFactors(login, model);
        if ("passkey".equals(error)) {
            model.addAttribute("passkeyError", true);
        }
        return "second-factor/verify";
    }

    @PostMapping(PATH)
    String verify(Authentication authentication, @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException, ServletException {
        CitizenAuthentication login = citizen(authentication);
        SecondFactorAuthenticator.Outcome outcome = authenticator.verify(login, request.getRemoteAddr(), code);
        if (outcome instanceof SecondFactorAuthenticator.Outcome.Verified verified) {
            sessionLogins.logIn(verified.login(), request, response);
            return null;
        }
        addFactors(login, model);
        if (outcome instanceof SecondFactorAuthenticator.Outcome.Throttled throttled) {
            model.addAttribute("codeError", "login.error.throttled");
            model.addAttribute("minutes", LoginThrottle.wholeMinutes(throttled.retryAfter()));
        } else {
            model.addAttribute("codeError", "second-factor.verify.error.wrong");
        }
        return "second-factor/verify";
    }

    /** Which ways to confirm the page offers: a passkey, and the code field for apps and recovery codes. */
    private void addFactors(CitizenAuthentication login, Model model) {
        model.addAttribute("hasFactor", factors.hasAny(login.accountId()));
        model.addAttribute("hasPasskey", passkeys.hasAny(login.accountId()));
    }

    static CitizenAuthentication citizen(Authentication authentication) {
        if (authentication instanceof CitizenAuthentication login) {
            return login;
        }
        throw new AccessDeniedException("Not a citizen's login");
    }
}
