package de.buergerkonto.authserver.passkey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.verifier.exception.VerificationException;

import tools.jackson.core.JacksonException;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.passkey.PasskeyChallenges.Ceremony;
import de.buergerkonto.authserver.secondfactor.SecondFactor;

/**
 * Registration of a passkey (WebAuthn Level 2, section 7.1) by a logged-in citizen: the creation
 * options for {@code navigator.credentials.create()}, and the check of its response. We ask for a
 * discoverable credential (so the login needs no email) with user verification required, and
 * refuse a response without the UV flag: a passkey registered here always stands for two factors.
 */
@Component
public class PasskeyRegistration {

    /** ES256, then EdDSA and RS256 (section 5.4: the RP's preference order); all three are verified by webauthn4j. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final PasskeyRelyingParty relyingParty;
    private final PasskeyChallenges challenges;
    private final PasskeyCredentials credentials;
    private final WebAuthnManager webAuthn;

    PasskeyRegistration(PasskeyRelyingParty relyingParty, PasskeyChallenges challenges,
            PasskeyCredentials credentials, WebAuthnManager webAuthn) {
        this.relyingParty = relyingParty;
        this.challenges = challenges;
        this.credentials = credentials;
        this.webAuthn = webAuthn;
    }

    /** {@code PublicKeyCredentialCreationOptionsJSON} (WebAuthn Level 3, section 5.1.9), for {@code parseCreationOptionsFromJSON}. */
    public Map<String, Object> creationOptions(Account account) {
        byte[] challenge = challenges.issue(Ceremony.REGISTRATION, account.id());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rp", Map.of("id", relyingParty.rpId(), "name", relyingParty.rpName()));
        // name: what the authenticator's account chooser shows; the citizen's login name is the
        // email, and an account that has none (created by the ID card) shows the product's name
        String name = account.email() == null ? relyingParty.rpName() : account.email();
        options.put("user", Map.of(
                "id", PasskeyCredentials.base64url(credentials.userHandle(account.id())),
                "name", name,
                "displayName", name));
        options.put("challenge", PasskeyCredentials.base64url(challenge));
        options.put("pubKeyCredParams", ALGORITHMS.stream()
                .map(algorithm -> Map.of("type", "public-key", "alg", algorithm.getAlg().getValue()))
                .toList());
        options.put("timeout", PasskeyChallenges.LIFETIME.toMillis());
        // a second passkey on the same authenticator would only replace the first there
        options.put("excludeCredentials", credentials.findAll(account.id()).stream()
                .map(PasskeyAssertions::descriptor)
                .toList());
        options.put("authenticatorSelection", Map.of(
                "residentKey", "required",
                "requireResidentKey", true,
                "userVerification", "required"));
        options.put("attestation", "none");
        return options;
    }

    /**
     * Checks the browser's response ({@code PublicKeyCredential.toJSON()}) and stores the passkey.
     *
     * @return the new factor; empty if the response is malformed, answers no challenge of this
     *         account, fails any check of section 7.1 (origin, RP ID, UV, algorithm), or names a
     *         credential that is already registered (step 22)
     */
    public Optional<SecondFactor> register(String accountId, String name, String responseJson) {
        RegistrationData data;
        try {
            data = webAuthn.parseRegistrationResponseJSON(responseJson);
        } catch (DataConversionException | JacksonException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
        byte[] challenge = data.getCollectedClientData() == null || data.getCollectedClientData().getChallenge() == null
                ? null
                : data.getCollectedClientData().getChallenge().getValue();
        if (!challenges.take(challenge, Ceremony.REGISTRATION, accountId)) {
            return Optional.empty();
        }
        try {
            webAuthn.verify(data, new RegistrationParameters(relyingParty.expecting(challenge), ALGORITHMS, true, true));
        } catch (VerificationException refused) {
            return Optional.empty();
        }
        CredentialRecordImpl record = new CredentialRecordImpl(data.getAttestationObject(),
                data.getCollectedClientData(), data.getClientExtensions(), data.getTransports());
        if (credentials.isRegistered(record.getAttestedCredentialData().getCredentialId())) {
            return Optional.empty();
        }
        return Optional.of(credentials.add(accountId, name, record));
    }
}
