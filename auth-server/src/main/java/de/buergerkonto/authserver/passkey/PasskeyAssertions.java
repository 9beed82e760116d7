package de.buergerkonto.authserver.passkey;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;

import tools.jackson.core.JacksonException;

import de.buergerkonto.authserver.audit.AccountEvent;
import de.buergerkonto.authserver.audit.AccountEvents;
import de.buergerkonto.authserver.passkey.PasskeyChallenges.Ceremony;
import de.buergerkonto.authserver.passkey.PasskeyCredentials.StoredPasskey;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;

/**
 * Verification of passkey assertions (WebAuthn Level 2, section 7.2), in two ceremonies:
 * <ul>
 * <li><b>login</b>: nobody is known yet, the browser offers the discoverable credentials of this
 * RP ID; the credential names the account, its user handle must match (step 6), and user
 * verification is required (step 15): only then is the passkey a login of its own;</li>
 * <li><b>step-up</b>: after the password, only the account's own passkeys are allowed, user
 * verification is preferred; without the UV flag the assertion still proves possession (a
 * security key next to the password).</li>
 * </ul>
 * Each response must answer a challenge issued for that ceremony (and account), used once. A sign
 * count not above the stored one (step 17: the authenticator may be cloned) is refused and
 * reported as {@link AccountEvent#PASSKEY_SIGN_COUNT_REGRESSED}.
 */
@Component
public class PasskeyAssertions {

    private final PasskeyRelyingParty relyingParty;
    private final PasskeyChallenges challenges;
    private final PasskeyCredentials credentials;
    private final SecondFactorRepository factors;
    private final WebAuthnManager webAuthn;
    private final AccountEvents events;
    private final Clock clock;

    PasskeyAssertions(PasskeyRelyingParty relyingParty, PasskeyChallenges challenges, PasskeyCredentials credentials,
            SecondFactorRepository factors, WebAuthnManager webAuthn, AccountEvents events, Clock clock) {
        this.relyingParty = relyingParty;
        this.challenges = challenges;
        this.credentials = credentials;
        this.factors = factors;
        this.webAuthn = webAuthn;
        this.events = events;
        this.clock = clock;
    }

    /** {@code PublicKeyCredentialRequestOptionsJSON} for a login without an email: any passkey of this RP ID. */
    public Map<String, Object> loginOptions() {
        return options(challenges.issue(Ceremony.LOGIN, null), List.of(), "required");
    }

    /** Request options for the step after the password: the account's passkeys only. */
    public Map<String, Object> stepUpOptions(String accountId) {
        return options(challenges.issue(Ceremony.STEP_UP, accountId), credentials.findAll(accountId), "preferred");
    }

    private Map<String, Object> options(byte[] challenge, List<StoredPasskey> allowed, String userVerification) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", PasskeyCredentials.base64url(challenge));
        options.put("timeout", PasskeyChallenges.LIFETIME.toMillis());
        options.put("rpId", relyingParty.rpId());
        options.put("allowCredentials", allowed.stream().map(PasskeyAssertions::descriptor).toList());
        options.put("userVerification", userVerification);
        return options;
    }

    static Map<String, Object> descriptor(StoredPasskey passkey) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("type", "public-key");
        descriptor.put("id", PasskeyCredentials.base64url(passkey.credentialId()));
        descriptor.put("transports", passkey.record().getTransports() == null ? List.of()
                : passkey.record().getTransports().stream().map(AuthenticatorTransport::getValue).toList());
        return descriptor;
    }

    /** A login with a passkey alone: user verification required. */
    public Outcome verifyLogin(String responseJson) {
        return verify(responseJson, Ceremony.LOGIN, null);
    }

    /** The step after the password: one of this account's passkeys, with or without user verification. */
    public Outcome verifyStepUp(String accountId, String responseJson) {
        return verify(responseJson, Ceremony.STEP_UP, accountId);
    }

    private Outcome verify(String responseJson, Ceremony ceremony, String expectedAccountId) {
        AuthenticationData data;
        try {
            data = webAuthn.parseAuthenticationResponseJSON(responseJson);
        } catch (DataConversionException | JacksonException | IllegalArgumentException malformed) {
            return new Outcome.Refused(Reason.MALFORMED);
        }
        byte[] challenge = data.getCollectedClientData() == null || data.getCollectedClientData().getChallenge() == null
                ? null
                : data.getCollectedClientData().getChallenge().getValue();
        if (!challenges.take(challenge, ceremony, expectedAccountId)) {
            return new Outcome.Refused(Reason.CHALLENGE);
        }
        Optional<StoredPasskey> found = data.getCredentialId() == null ? Optional.empty()
                : credentials.findByCredentialId(data.getCredentialId());
        if (found.isEmpty()) {
            return new Outcome.Refused(Reason.UNKNOWN_CREDENTIAL);
        }
        StoredPasskey passkey = found.get();
        if (expectedAccountId != null && !expectedAccountId.equals(passkey.accountId())) {
            return refused(passkey, Reason.UNKNOWN_CREDENTIAL);
        }
        // step 6: a discoverable credential returns its user handle, which must be the account's
        if (data.getUserHandle() != null
                ? !credentials.existingUserHandle(passkey.accountId())
                        .filter(handle -> Arrays.equals(handle, data.getUserHandle())).isPresent()
                : ceremony == Ceremony.LOGIN) {
            return refused(passkey, Reason.USER_HANDLE);
        }
        boolean userVerificationRequired = ceremony == Ceremony.LOGIN;
        List<byte[]> allowed = ceremony == Ceremony.LOGIN ? null
                : credentials.findAll(passkey.accountId()).stream().map(StoredPasskey::credentialId).toList();
        try {
            webAuthn.verify(data, new AuthenticationParameters(relyingParty.expecting(challenge), passkey.record(),
                    allowed, userVerificationRequired, true));
        } catch (MaliciousCounterValueException cloned) {
            events.record(AccountEvent.PASSKEY_SIGN_COUNT_REGRESSED, passkey.accountId());
            return new Outcome.Refused(Reason.SIGN_COUNT);
        } catch (VerificationException failed) {
            return refused(passkey, Reason.VERIFICATION);
        }
        long signCount = data.getAuthenticatorData().getSignCount();
        if (!credentials.raiseSignCount(passkey, signCount)) {
            // another assertion with a count at least as high was accepted meanwhile
            events.record(AccountEvent.PASSKEY_SIGN_COUNT_REGRESSED, passkey.accountId());
            return new Outcome.Refused(Reason.SIGN_COUNT);
        }
        factors.markUsed(passkey.accountId(), passkey.factorId(), clock.instant());
        return new Outcome.Verified(passkey.accountId(), passkey.factorId(), data.getAuthenticatorData().isFlagUV());
    }

    private Outcome refused(StoredPasskey passkey, Reason reason) {
        events.record(AccountEvent.PASSKEY_REFUSED, passkey.accountId());
        return new Outcome.Refused(reason);
    }

    /** Why an assertion was refused; the citizen sees one message for all of them. */
    public enum Reason {
        MALFORMED, CHALLENGE, UNKNOWN_CREDENTIAL, USER_HANDLE, VERIFICATION, SIGN_COUNT
    }

    /** The result of one assertion. */
    public sealed interface Outcome {

        /** @param userVerified the UV flag: the authenticator checked a PIN or biometric */
        record Verified(String accountId, String factorId, boolean userVerified) implements Outcome {
        }

        record Refused(Reason reason) implements Outcome {
        }
    }
}
