package de.buergerkonto.authserver.login;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 */
@Component
public class CitizenPasswordAuthenticationProvider implements AuthenticationProvider {

    /** A password authenticator alone is worth "low" (MISSION.md, trust levels). */
    static final AssuranceLevel PASSWORD_STRENGTH = AssuranceLevel.LOW;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String unknownAccountHash;

    public CitizenPasswordAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwordEncoder,
            Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.unknownAccountHash = passwordEncoder.encode("not-a-password-of-any-account");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Optional<Account> found = accounts.findByEmail(email);
        boolean passwordMatches = passwordEncoder.matches(password,
                found.map(Account::passwordHash).orElse(unknownAccountHash));
        if (found.isEmpty() || !passwordMatches) {
            throw new BadCredentialsException("Bad credentials");
        }
        Account account = found.get();
        if (!account.emailVerified()) {
            throw new DisabledException("Email not verified");
        }
        if (account.status() == AccountStatus.LOCKED) {
            throw new LockedException("Account locked");
        }
        CitizenAuthentication result = new CitizenAuthentication(account.id(),
                List.of(AuthenticationMethod.PASSWORD), clock.instant(),
                AssuranceLevel.lower(account.identityProofing(), PASSWORD_STRENGTH));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
