package de.buergerkonto.authserver.secondfactor.manage;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.audit.AccountEvent;
import de.buergerkonto.authserver.audit.AccountEvents;
import de.buergerkonto.authserver.passkey.PasskeyCredentials;
import de.buergerkonto.authserver.passkey.PasskeyRegistration;
import de.buergerkonto.authserver.secondfactor.SecondFactor;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository.Removal;
import de.buergerkonto.authserver.secondfactor.totp.TotpFactors;
import de.buergerkonto.authserver.secondfactor.recovery.RecoveryCodes;

/**
 * The changes a citizen makes to the second factors of the account, each reported to
 * {@link AccountEvents}. Recovery codes come with the first factor and go with the last.
 */
@Component
class SecondFactorManagement {

    private final SecondFactorRepository factors;
    private final TotpFactors totpFactors;
    private final PasskeyRegistration passkeyRegistration;
    private final PasskeyCredentials passkeys;
    private final RecoveryCodes recoveryCodes;
    private final AccountEvents events;

    SecondFactorManagement(SecondFactorRepository factors, TotpFactors totpFactors,
            PasskeyRegistration passkeyRegistration, PasskeyCredentials passkeys, RecoveryCodes recoveryCodes,
            AccountEvents events) {
        this.factors = factors;
        this.totpFactors = totpFactors;
        this.passkeyRegistration = passkeyRegistration;
        this.passkeys = passkeys;
        this.recoveryCodes = recoveryCodes;
        this.events = events;
    }

    /**
     * Confirms the pending TOTP enrolment with its first code.
     *
     * @return the new factor, with new recovery codes if it is the account's first second factor;
     *         empty if the code is wrong or the enrolment expired
     */
    Optional<Enrolled> confirmTotp(String accountId, String name, String code) {
        boolean first = !factors.hasAny(accountId);
        return enrolled(accountId, first, totpFactors.confirmEnrolment(accountId, name, code));
    }

    /**
     * Stores a passkey from the browser's registration response.
     *
     * @return the new factor, with new recovery codes if it is the account's first second factor;
     *         empty if the response was refused
     */
    Optional<Enrolled> registerPasskey(String accountId, String name, String registrationResponse) {
        boolean first = !factors.hasAny(accountId);
        return enrolled(accountId, first, passkeyRegistration.register(accountId, name, registrationResponse));
    }

    private Optional<Enrolled> enrolled(String accountId, boolean first, Optional<SecondFactor> factor) {
        if (factor.isEmpty()) {
            return Optional.empty();
        }
        events.record(AccountEvent.SECOND_FACTOR_ADDED, accountId);
        List<String> codes = first ? recoveryCodes.generate(accountId) : List.of();
        if (first) {
            events.record(AccountEvent.RECOVERY_CODES_GENERATED, accountId);
        }
        return Optional.of(new Enrolled(factor.get(), codes));
    }

    boolean rename(String accountId, String factorId, String name) {
        boolean renamed = factors.rename(accountId, factorId, name);
        if (renamed) {
            events.record(AccountEvent.SECOND_FACTOR_RENAMED, accountId);
        }
        return renamed;
    }

    /** @param mayRemoveLast whether the session passed a second factor recently enough to remove the last one */
    Removal remove(String accountId, String factorId, boolean mayRemoveLast) {
        Removal removal = factors.remove(accountId, factorId, mayRemoveLast);
        if (removal == Removal.REMOVED) {
            totpFactors.deleteSecret(accountId, factorId);
            passkeys.delete(accountId, factorId);
            if (!factors.hasAny(accountId)) {
                // without a second factor the codes would stand in for nothing
                recoveryCodes.delete(accountId);
            }
            events.record(AccountEvent.SECOND_FACTOR_REMOVED, accountId);
        }
        return removal;
    }

    List<String> regenerateRecoveryCodes(String accountId) {
        List<String> codes = recoveryCodes.generate(accountId);
        events.record(AccountEvent.RECOVERY_CODES_GENERATED, accountId);
        return codes;
    }

    /** @param recoveryCodes the new codes to show once; empty when the account had a factor before */
    record Enrolled(SecondFactor factor, List<String> recoveryCodes) {
    }
}
