package de.buergerkonto.authserver.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebAuthn authenticator in test code: one ES256 credential, its sign counter, and the JSON a
 * browser's {@code PublicKeyCredential.toJSON()} would post. Every part an attack test wants to
 * bend (origin, UV flag, counter, challenge) is a parameter; webauthn4j only encodes the CBOR.
 */
public final class PasskeyAuthenticator {

    /** What the auth-server of the tests accepts: {@code buergerkonto.public-url} and the RP ID of application.yml. */
    public static final String ORIGIN = "http://localhost:9000";
    public static final String RP_ID = "localhost";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final KeyPair keyPair;
    private final byte[] credentialId = new byte[16];
    /** Until a registration tells it the account's handle: one no account has. */
    private byte[] userHandle = new byte[32];
    private long signCount;

    public PasskeyAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        SecureRandom random = new SecureRandom();
        random.nextBytes(credentialId);
        random.nextBytes(userHandle);
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    public byte[] userHandle() {
        return userHandle.clone();
    }

    /** Makes the next assertions return another user handle than the one registered. */
    public void setUserHandle(byte[] handle) {
        userHandle = handle.clone();
    }

    /** Sets the counter the next assertion starts from (the next one signs {@code count + 1}). */
    public void setSignCount(long count) {
        signCount = count;
    }

    /** The response to {@code navigator.credentials.create()} for these creation options (JSON), with user verification. */
    public String register(String creationOptions) {
        return register(creationOptions, ORIGIN, true);
    }

    public String register(String creationOptions, String origin, boolean userVerified) {
        JsonNode options = JSON.readTree(creationOptions);
        userHandle = Base64.getUrlDecoder().decode(options.get("user").get("id").asString());
        byte[] clientData = clientData("webauthn.create", options.get("challenge").asString(), origin);
        AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keyPair.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<?> authenticatorData = new AuthenticatorData<>(rpIdHash(options.get("rp").get("id").asString()),
                flags(userVerified, true), signCount, credential);
        @SuppressWarnings("unchecked")
        byte[] attestationObject = new AttestationObjectConverter(CONVERTER).convertToBytes(new AttestationObject(
                (AuthenticatorData) authenticatorData, new NoneAttestationStatement()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
        response.put("attestationObject", BASE64URL.encodeToString(attestationObject));
        response.put("transports", List.of("internal"));
        return credentialJson(response);
    }

    /** The response to {@code navigator.credentials.get()} for these request options (JSON), with user verification. */
    public String assertion(String requestOptions) {
        return assertion(requestOptions, ORIGIN, true);
    }

    public String assertion(String requestOptions, String origin, boolean userVerified) {
        JsonNode options = JSON.readTree(requestOptions);
        signCount++;
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asString(), origin);
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(
                new AuthenticatorData<>(rpIdHash(options.get("rpId").asString()), flags(userVerified, false), signCount));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
        response.put("authenticatorData", BASE64URL.encodeToString(authenticatorData));
        response.put("signature", BASE64URL.encodeToString(sign(authenticatorData, clientData)));
        response.put("userHandle", BASE64URL.encodeToString(userHandle));
        return credentialJson(response);
    }

    private String credentialJson(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", BASE64URL.encodeToString(credentialId));
        credential.put("rawId", BASE64URL.encodeToString(credentialId));
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("authenticatorAttachment", "platform");
        credential.put("clientExtensionResults", Map.of());
        return JSON.writeValueAsString(credential);
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte flags(boolean userVerified, boolean attestedCredentialData) {
        byte flags = AuthenticatorData.BIT_UP;
        if (userVerified) {
            flags |= AuthenticatorData.BIT_UV;
        }
        if (attestedCredentialData) {
            flags |= AuthenticatorData.BIT_AT;
        }
        return flags;
    }

    private byte[] sign(byte[] authenticatorData, byte[] clientData) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(authenticatorData);
            signature.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rpIdHash(String rpId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
