package de.buergerkonto.authserver.secondfactor.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.audit.AccountEvent;
import de.buergerkonto.authserver.audit.AccountEvents;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.login.LoginThrottle;
import de.buergerkonto.authserver.secondfactor.recovery.RecoveryCodes;
import de.buergerkonto.authserver.secondfactor.totp.TotpFactors;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/**
 * The second step of a login: a TOTP code or a recovery code on top of the password turns the
 * session's login into a multi-factor one.
 *
 * <p>The new login says how: {@code amr} {@code pwd}, {@code otp}, {@code mfa} (RFC 8176; a
 * recovery code is a one-time password too, a look-up secret in NIST SP 800-63B, section 5.1.2).
 * Its {@code auth_time} is now: OpenID Connect Core 1.0, section 2, defines it as the time of the
 * End-User's authentication, and passing a factor is an active authentication. Its level follows
 * MISSION.md: password + TOTP is a "substantial" authenticator, and the level of a login is the
 * lower of that and the account's identity proofing; an unproven account stays "basic". A login
 * that already stood higher keeps its level.
 *
 * <p>Codes are throttled like passwords, before any code is checked ({@link LoginThrottle}, per
 * account on a counter of their own and per client address). A code whose time step was already
 * used counts as a wrong code.
 */
@Component
public class SecondFactorAuthenticator {

    /** What password plus a second factor is worth as an authenticator (MISSION.md, trust levels). */
    static final AssuranceLevel PASSWORD_AND_SECOND_FACTOR = AssuranceLevel.SUBSTANTIAL;

    private final AccountRepository accounts;
    private final TotpFactors totpFactors;
    private final RecoveryCodes recoveryCodes;
    private final LoginThrottle throttle;
    private final AccountEvents events;
    private final Clock clock;

    public SecondFactorAuthenticator(AccountRepository accounts, TotpFactors totpFactors, RecoveryCodes recoveryCodes,
            LoginThrottle throttle, AccountEvents events, Clock clock) {
        this.accounts = accounts;
        this.totpFactors = totpFactors;
        this.recoveryCodes = recoveryCodes;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    public Outcome verify(CitizenAuthentication login, String clientAddress, String code) {
        String accountId = login.accountId();
        Optional<Duration> wait = throttle.secondFactorRetryAfter(accountId, clientAddress);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        Optional<Account> account = accounts.findById(accountId);
        String typed = code == null ? "" : code.strip();
        boolean recovery = RecoveryCodes.looksLikeRecoveryCode(typed);
        boolean accepted = account.isPresent() && login.methods().contains(AuthenticationMethod.PASSWORD)
                && (recovery
                        ? recoveryCodes.use(accountId, typed)
                        : totpFactors.verify(accountId, typed.replace(" ", "")).isPresent());
        if (!accepted) {
            throttle.recordSecondFactorFailure(accountId, clientAddress);
            events.record(AccountEvent.SECOND_FACTOR_FAILED, accountId);
            return new Outcome.Refused();
        }
        throttle.clearSecondFactorFailures(accountId);
        events.record(recovery ? AccountEvent.RECOVERY_CODE_USED : AccountEvent.SECOND_FACTOR_VERIFIED, accountId);
        return new Outcome.Verified(upgraded(login, account.get(), clock.instant()));
    }

    private static CitizenAuthentication upgraded(CitizenAuthentication login, Account account, Instant now) {
        List<AuthenticationMethod> methods = new ArrayList<>(login.methods());
        for (AuthenticationMethod added : List.of(AuthenticationMethod.ONE_TIME_PASSWORD,
                AuthenticationMethod.MULTI_FACTOR)) {
            if (!methods.contains(added)) {
                methods.add(added);
            }
        }
        AssuranceLevel reached = AssuranceLevel.lower(account.identityProofing(), PASSWORD_AND_SECOND_FACTOR);
        AssuranceLevel level = reached.isAtLeast(login.level()) ? reached : login.level();
        CitizenAuthentication upgraded = new CitizenAuthentication(account.id(), methods, now, level);
        upgraded.setDetails(login.getDetails());
        return upgraded;
    }

    /** The result of one attempt. */
    public sealed interface Outcome {

        /** The code was right: the session's login is to be replaced by this one. */
        record Verified(CitizenAuthentication login) implements Outcome {
        }

        /** Wrong, already used, or no such code; counted by the throttle. */
        record Refused() implements Outcome {
        }

        /** Too many wrong codes: refused before checking, for this long. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }
}
