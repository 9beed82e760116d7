package de.buergerkonto.authserver.secondfactor.verification;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.login.LoginThrottle;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;

/**
 * {@code /login/second-factor}: a citizen logged in with a password confirms with a code from the
 * authenticator app or a recovery code. On success the session's login is replaced by the
 * multi-factor one ({@link SecondFactorAuthenticator}), the session id changes (the session now
 * carries a stronger login, as after the password step), and the browser goes back to the
 * request that was waiting for this step (an authorization request, a page that needs a recent
 * second factor), else to the account page.
 */
@Controller
class SecondFactorVerificationController {

    static final String PATH = "/login/second-factor";

    private final SecondFactorAuthenticator authenticator;
    private final SecondFactorRepository factors;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    // the repositories the citizen chain uses by default: the session, and this request's attribute
    private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler onwards =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorVerificationController(SecondFactorAuthenticator authenticator, SecondFactorRepository factors) {
        this.authenticator = authenticator;
        this.factors = factors;
    }

    @GetMapping(PATH)
    String form(Authentication authentication, Model model) {
        CitizenAuthentication login = citizen(authentication);
        model.addAttribute("hasFactor", factors.hasAny(login.accountId()));
        return "second-factor/verify";
    }

    @PostMapping(PATH)
    String verify(Authentication authentication, @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException, ServletException {
        CitizenAuthentication login = citizen(authentication);
        SecondFactorAuthenticator.Outcome outcome = authenticator.verify(login, request.getRemoteAddr(), code);
        if (outcome instanceof SecondFactorAuthenticator.Outcome.Verified verified) {
            request.changeSessionId();
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(verified.login());
            contexts.setContext(context);
            contextRepository.saveContext(context, request, response);
            onwards.onAuthenticationSuccess(request, response, verified.login());
            return null;
        }
        model.addAttribute("hasFactor", factors.hasAny(login.accountId()));
        if (outcome instanceof SecondFactorAuthenticator.Outcome.Throttled throttled) {
            model.addAttribute("codeError", "login.error.throttled");
            model.addAttribute("minutes", LoginThrottle.wholeMinutes(throttled.retryAfter()));
        } else {
            model.addAttribute("codeError", "second-factor.verify.error.wrong");
        }
        return "second-factor/verify";
    }

    private static CitizenAuthentication citizen(Authentication authentication) {
        if (authentication instanceof CitizenAuthentication login) {
            return login;
        }
        throw new AccessDeniedException("Not a citizen's login");
    }
}
