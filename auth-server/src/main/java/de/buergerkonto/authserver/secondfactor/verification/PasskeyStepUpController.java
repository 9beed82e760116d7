package de.buergerkonto.authserver.secondfactor.verification;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
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
import de.buergerkonto.authserver.passkey.PasskeyAssertions;
import de.buergerkonto.authserver.passkey.PasskeyLogins;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/**
 * The passkey on the second-factor page ({@code /login/second-factor}): after the password, one of
 * the account's passkeys raises the session's login ({@link PasskeyLogins#afterPassword}) and the
 * browser returns to the waiting request, exactly as after a TOTP code.
 */
@Controller
class PasskeyStepUpController {

    static final String PATH = SecondFactorVerificationController.PATH + "/passkey";

    private final PasskeyAssertions assertions;
    private final AccountRepository accounts;
    private final SessionLogins sessionLogins;
    private final AccountEvents events;
    private final Clock clock;

    PasskeyStepUpController(PasskeyAssertions assertions, AccountRepository accounts, SessionLogins sessionLogins,
            AccountEvents events, Clock clock) {
        this.assertions = assertions;
        this.accounts = accounts;
        this.sessionLogins = sessionLogins;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping(path = PATH + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> options(Authentication authentication) {
        return assertions.stepUpOptions(SecondFactorVerificationController.citizen(authentication).accountId());
    }

    @PostMapping(PATH)
    String verify(Authentication authentication, @RequestParam(name = "credential", defaultValue = "") String credential,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        CitizenAuthentication login = SecondFactorVerificationController.citizen(authentication);
        Optional<Account> account = accounts.findById(login.accountId());
        if (account.isEmpty() || !login.methods().contains(AuthenticationMethod.PASSWORD)
                || !(assertions.verifyStepUp(login.accountId(), credential)
                        instanceof PasskeyAssertions.Outcome.Verified verified)) {
            events.record(AccountEvent.SECOND_FACTOR_FAILED, login.accountId());
            return "redirect:" + SecondFactorVerificationController.PATH + "?error=passkey";
        }
        events.record(AccountEvent.SECOND_FACTOR_VERIFIED, login.accountId());
        sessionLogins.logIn(PasskeyLogins.afterPassword(login, account.get(), verified.userVerified(), clock.instant()),
                request, response);
        return null;
    }
}
