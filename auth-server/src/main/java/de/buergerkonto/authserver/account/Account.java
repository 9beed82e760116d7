package de.buergerkonto.authserver.account;

import java.time.Instant;
import java.util.Objects;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * A citizen's account. The {@code id} is the stable, internal identifier; services never see
 * it (they receive a pairwise subject). The email is kept normalized (trimmed, lower case).
 * {@code identityProofing} is how well the person behind the account was proven: {@code BASIC}
 * for a self-registered account; the eID raises it to {@code HIGH}.
 *
 * <p>An account created by the first login with the ID card has neither email nor password
 * ({@code email} and {@code passwordHash} are null): the card is its only way in.
 */
public record Account(
        String id,
        String email,
        String passwordHash,
        boolean emailVerified,
        AssuranceLevel identityProofing,
        AccountStatus status,
        Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identityProofing, "identityProofing");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A self-registered account: unverified email, identity not proven. */
    public static Account selfRegistered(String id, String email, String passwordHash, Instant createdAt) {
        return new Account(id, EmailAddress.normalize(email), passwordHash, false, AssuranceLevel.BASIC,
                AccountStatus.ACTIVE, createdAt);
    }

    /** Created by the first login with the ID card: proven high, no email and no password yet. */
    public static Account provenByEid(String id, Instant createdAt) {
        return new Account(id, null, null, false, AssuranceLevel.HIGH, AccountStatus.ACTIVE, createdAt);
    }

    public boolean hasEmail() {
        return email != null;
    }

    public Account withIdentityProofing(AssuranceLevel proofing) {
        return new Account(id, email, passwordHash, emailVerified, proofing, status, createdAt);
    }

    /** An account created by the ID card gets email (to be verified) and password. */
    public Account withEmailAndPassword(String newEmail, String newPasswordHash) {
        return new Account(id, EmailAddress.normalize(newEmail), newPasswordHash, false, identityProofing, status,
                createdAt);
    }

    public Account withEmailVerified() {
        return new Account(id, email, passwordHash, true, identityProofing, status, createdAt);
    }

    public Account withPasswordHash(String newPasswordHash) {
        return new Account(id, email, newPasswordHash, emailVerified, identityProofing, status, createdAt);
    }

    public boolean canLogIn() {
        return emailVerified && status == AccountStatus.ACTIVE;
    }
}
