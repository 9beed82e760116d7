package de.buergerkonto.trustlevel;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The trust level of one login and how it was reached: the <em>lower</em> of the account's
 * identity proofing and the strength of the authenticators used in this session (eIDAS
 * implementing regulation (EU) 2015/1502, sections 2.1 and 2.2; BSI TR-03107-1, section 3).
 *
 * <p>The authenticators' strength is the strongest single authenticator, raised to
 * {@link AssuranceLevel#SUBSTANTIAL} when two independent factors were used (password + TOTP,
 * password + security key). So an unproven account stays {@code basic} whatever it logs in
 * with, and an eID-proven account logging in with its password alone is {@code low}.
 *
 * <p>{@link #methods()} are the {@code amr} values (RFC 8176, section 2), with {@code mfa}
 * added when two independent factors were used.
 */
public final class LoginAssurance {

    private final AssuranceLevel identityProofing;
    private final Set<Authenticator> authenticators;

    private LoginAssurance(AssuranceLevel identityProofing, Set<Authenticator> authenticators) {
        this.identityProofing = identityProofing;
        this.authenticators = authenticators;
    }

    /**
     * @param identityProofing how well the account's identity was proven: {@code basic} for a
     *        self-registered account, {@code high} once proven with the eID
     * @param authenticators what the citizen used in this session, at least one
     */
    public static LoginAssurance of(AssuranceLevel identityProofing, Set<Authenticator> authenticators) {
        Objects.requireNonNull(identityProofing, "identityProofing");
        if (authenticators == null || authenticators.isEmpty()) {
            throw new IllegalArgumentException("A login uses at least one authenticator");
        }
        return new LoginAssurance(identityProofing, EnumSet.copyOf(authenticators));
    }

    public static LoginAssurance of(AssuranceLevel identityProofing, Authenticator first, Authenticator... more) {
        return of(identityProofing, EnumSet.of(first, more));
    }

    /** The same login after a step-up with one more authenticator, e.g. the TOTP after the password. */
    public LoginAssurance plus(Authenticator added) {
        EnumSet<Authenticator> all = EnumSet.copyOf(authenticators);
        all.add(added);
        return new LoginAssurance(identityProofing, all);
    }

    /** The level of this login: min(identity proofing, authenticator strength). */
    public AssuranceLevel level() {
        return AssuranceLevel.lower(identityProofing, authenticatorStrength());
    }

    /** What the authenticators reach regardless of the account's proofing. */
    public AssuranceLevel authenticatorStrength() {
        AssuranceLevel strongest = authenticators.stream().map(Authenticator::strength)
                .max(Enum::compareTo).orElseThrow();
        return isMultiFactor() && !strongest.isAtLeast(AssuranceLevel.SUBSTANTIAL) ? AssuranceLevel.SUBSTANTIAL : strongest;
    }

    public boolean isMultiFactor() {
        EnumSet<Authenticator.Factor> factors = EnumSet.noneOf(Authenticator.Factor.class);
        authenticators.forEach(authenticator -> factors.addAll(authenticator.factors()));
        return factors.size() >= 2;
    }

    /** The {@code amr} methods in a stable order (that of {@link AuthenticationMethod}), {@code mfa} last. */
    public List<AuthenticationMethod> methods() {
        EnumSet<AuthenticationMethod> methods = EnumSet.noneOf(AuthenticationMethod.class);
        authenticators.forEach(authenticator -> methods.addAll(authenticator.methods()));
        if (isMultiFactor()) {
            methods.add(AuthenticationMethod.MULTI_FACTOR);
        }
        return List.copyOf(methods);
    }

    /** The {@code amr} claim value: the RFC 8176 strings of {@link #methods()}. */
    public List<String> amr() {
        return methods().stream().map(AuthenticationMethod::amr).toList();
    }

    public AssuranceLevel identityProofing() {
        return identityProofing;
    }

    public Set<Authenticator> authenticators() {
        return EnumSet.copyOf(authenticators);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoginAssurance that
                && identityProofing == that.identityProofing && authenticators.equals(that.authenticators);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identityProofing, authenticators);
    }

    @Override
    public String toString() {
        return "LoginAssurance[identityProofing=" + identityProofing + ", authenticators=" + authenticators
                + ", level=" + level() + "]";
    }
}
