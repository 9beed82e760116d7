package de.buergerkonto.authserver.login;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/**
 * Email + password login. An unknown email costs the same Argon2id work as a known one, and
 * account state (unverified, locked) is only revealed after the right password, so neither
 * messages nor timing tell whether an email has an account.
 *
 * <p>Before any password is checked, the {@link LoginThrottle} refuses an account or client
 * address with too many recent failures (NIST SP 800-63B, section 5.2.2), even if the password
 * would be right. If Redis fails, the login fails closed: no throttle, no login.
 */
@Component
public class CitizenPasswordAuthenticationProvider implements AuthenticationProvider {

    /** A password authenticator alone is worth "low" (MISSION.md, trust levels). */
    static final AssuranceLevel PASSWORD_STRENGTH = AssuranceLevel.LOW;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String unknownAccountHash;

    public CitizenPasswordAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.clock = clock;
        this.unknownAccountHash = passwordEncoder.encode("not-a-password-of-any-account");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return authenticatePassword(authentication);
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("The account store is unavailable", e);
        }
    }

    private Authentication authenticatePassword(Authentication authentication) {
        String email = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String clientAddress = clientAddress(authentication);
        Optional<Duration> wait = throttle.retryAfter(email, clientAddress);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        Optional<Account> found = accounts.findByEmail(email);
        boolean passwordMatches = passwordEncoder.matches(password,
                found.map(Account::passwordHash).orElse(unknownAccountHash));
        if (found.isEmpty() || !passwordMatches) {
            throttle.recordFailure(email, clientAddress);
            throw new BadCredentialsException("Bad credentials");
        }
        Account account = found.get();
        if (!account.emailVerified()) {
            throw new DisabledException("Email not verified");
        }
        if (account.status() == AccountStatus.LOCKED) {
            throw new LockedException("Account locked");
        }
        throttle.clearAccountFailures(email);
        CitizenAuthentication result = new CitizenAuthentication(account.id(),
                List.of(AuthenticationMethod.PASSWORD), clock.instant(),
                AssuranceLevel.lower(account.identityProofing(), PASSWORD_STRENGTH));
        result.setDetails(authentication.getDetails());
        return result;
    }

    /**
     * The TCP peer, as the servlet container reports it. {@code X-Forwarded-For} is only honoured
     * when {@code server.forward-headers-strategy} is set for a trusted proxy in front; the
     * container then reports the client's address here.
     */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
