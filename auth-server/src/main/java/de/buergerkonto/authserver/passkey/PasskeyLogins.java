package de.buergerkonto.authserver.passkey;

import java.time.Instant;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.Authenticator;
import de.buergerkonto.trustlevel.AuthenticationMethod;
import de.buergerkonto.trustlevel.LoginAssurance;

/**
 * The logins a passkey produces, by the rule of the trust-level model (docs/trust-levels.md):
 * level = min(identity proofing, authenticator strength), {@code amr} from {@link LoginAssurance}.
 * <ul>
 * <li>a passkey alone, user-verified: {@link Authenticator#PASSKEY}, {@code amr} {@code hwk mfa}
 * (the key proves possession, the device's PIN or biometric the second factor), substantial for
 * a proven account, basic for an unproven one;</li>
 * <li>a passkey after the password: with the UV flag {@link Authenticator#PASSKEY}, without it
 * {@link Authenticator#SECURITY_KEY}; either way {@code pwd hwk mfa}, substantial if proven.</li>
 * </ul>
 * {@code auth_time} is the time of the assertion: an active authentication (OpenID Connect Core
 * 1.0, section 2).
 */
public final class PasskeyLogins {

    private PasskeyLogins() {
    }

    public static CitizenAuthentication passkeyAlone(Account account, Instant now) {
        LoginAssurance assurance = LoginAssurance.of(account.identityProofing(), Authenticator.PASSKEY);
        return new CitizenAuthentication(account.id(), assurance.methods(), now, assurance.level());
    }

    /** The session's password login raised by a passkey; a login that already stood higher keeps its level. */
    public static CitizenAuthentication afterPassword(CitizenAuthentication login, Account account,
            boolean userVerified, Instant now) {
        if (!login.methods().contains(AuthenticationMethod.PASSWORD)) {
            throw new IllegalArgumentException("A passkey step-up follows a password login");
        }
        LoginAssurance assurance = LoginAssurance.of(account.identityProofing(), Authenticator.PASSWORD,
                userVerified ? Authenticator.PASSKEY : Authenticator.SECURITY_KEY);
        AssuranceLevel level = assurance.level().isAtLeast(login.level()) ? assurance.level() : login.level();
        CitizenAuthentication raised = new CitizenAuthentication(account.id(), assurance.methods(), now, level);
        raised.setDetails(login.getDetails());
        return raised;
    }
}
