package de.buergerkonto.authserver.passkey;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;

import de.buergerkonto.authserver.secondfactor.SecondFactor;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorType;
import de.buergerkonto.authserver.security.Sha256;

/**
 * The passkeys of each account (see {@code docs/redis-keys.md}):
 * <ul>
 * <li>{@code passkey:{accountId}:{factorId}} a hash: credential id, COSE public key (base64url),
 * sign count, transports, backup flags; its name and dates are the factor's, in
 * {@link SecondFactorRepository};</li>
 * <li>{@code passkey-credential:{sha256(credential id)}} {@code accountId factorId}: a login
 * without an email finds the account by the credential the browser returns;</li>
 * <li>{@code passkey-user-handle:{accountId}} the WebAuthn user handle of the account, 32 random
 * bytes (section 14.6.1: no personal data, and not the account id either).</li>
 * </ul>
 * The credential record is written before the index and the factor, and the factor removed before
 * the record: a half-written passkey is never listed, a half-removed one never found.
 */
@Component
public class PasskeyCredentials {

    /** Raises the sign count only upwards (0 stays allowed for authenticators without a counter). */
    private static final RedisScript<Long> RAISE_SIGN_COUNT = RedisScript.of("""
            local stored = redis.call('HGET', KEYS[1], 'signCount')
            if not stored then
              return -1
            end
            local presented = tonumber(ARGV[1])
            stored = tonumber(stored)
            if (presented > 0 or stored > 0) and presented <= stored then
              return 0
            end
            redis.call('HSET', KEYS[1], 'signCount', ARGV[1])
            return 1
            """, Long.class);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final StringRedisTemplate redis;
    private final SecondFactorRepository factors;
    private final ObjectConverter converter;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PasskeyCredentials(StringRedisTemplate redis, SecondFactorRepository factors, ObjectConverter converter,
            Clock clock) {
        this.redis = redis;
        this.factors = factors;
        this.converter = converter;
        this.clock = clock;
    }

    /** The account's user handle, created at its first registration. */
    byte[] userHandle(String accountId) {
        byte[] handle = new byte[32];
        random.nextBytes(handle);
        redis.opsForValue().setIfAbsent(userHandleKey(accountId), BASE64URL.encodeToString(handle));
        return existingUserHandle(accountId).orElseThrow();
    }

    /** The account's user handle, if it ever registered a passkey. */
    Optional<byte[]> existingUserHandle(String accountId) {
        return Optional.ofNullable(redis.opsForValue().get(userHandleKey(accountId))).map(BASE64URL_DECODER::decode);
    }

    /** Stores a verified new credential as a second factor named by the citizen. */
    SecondFactor add(String accountId, String name, CredentialRecord record) {
        String factorId = UUID.randomUUID().toString();
        AttestedCredentialData data = record.getAttestedCredentialData();
        Set<AuthenticatorTransport> transports = record.getTransports() == null ? Set.of() : record.getTransports();
        redis.opsForHash().putAll(recordKey(accountId, factorId), Map.of(
                "credentialId", BASE64URL.encodeToString(data.getCredentialId()),
                "publicKey", BASE64URL.encodeToString(converter.getCborConverter().writeValueAsBytes(data.getCOSEKey())),
                "aaguid", HexFormat.of().formatHex(data.getAaguid().getBytes()),
                "signCount", Long.toString(record.getCounter()),
                "transports", transports.stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(" ")),
                "uvInitialized", String.valueOf(Boolean.TRUE.equals(record.isUvInitialized())),
                "backupEligible", String.valueOf(Boolean.TRUE.equals(record.isBackupEligible())),
                "backupState", String.valueOf(Boolean.TRUE.equals(record.isBackedUp()))));
        redis.opsForValue().set(indexKey(data.getCredentialId()), accountId + " " + factorId);
        SecondFactor factor = new SecondFactor(factorId, SecondFactorType.PASSKEY, name, clock.instant(), null);
        factors.create(accountId, factor);
        return factor;
    }

    boolean isRegistered(byte[] credentialId) {
        return Boolean.TRUE.equals(redis.hasKey(indexKey(credentialId)));
    }

    /** The credential with this id, if it belongs to a listed passkey factor. */
    Optional<StoredPasskey> findByCredentialId(byte[] credentialId) {
        String owner = redis.opsForValue().get(indexKey(credentialId));
        if (owner == null) {
            return Optional.empty();
        }
        String[] parts = owner.split(" ");
        return find(parts[0], parts[1]).filter(found -> Arrays.equals(found.credentialId(), credentialId));
    }

    /** The account's passkeys, for {@code allowCredentials} and {@code excludeCredentials}. */
    List<StoredPasskey> findAll(String accountId) {
        List<StoredPasskey> passkeys = new ArrayList<>();
        for (SecondFactor factor : factors.findAll(accountId)) {
            if (factor.type() == SecondFactorType.PASSKEY) {
                find(accountId, factor.id()).ifPresent(passkeys::add);
            }
        }
        return passkeys;
    }

    public boolean hasAny(String accountId) {
        return factors.findAll(accountId).stream().anyMatch(factor -> factor.type() == SecondFactorType.PASSKEY);
    }

    /** Records an accepted assertion's counter; false when it is not above the stored one (a cloned authenticator?). */
    boolean raiseSignCount(StoredPasskey passkey, long signCount) {
        Long result = redis.execute(RAISE_SIGN_COUNT, List.of(recordKey(passkey.accountId(), passkey.factorId())),
                Long.toString(signCount));
        return Objects.equals(result, 1L);
    }

    /** Deletes the credential of a factor that was already removed from the list (no-op for other kinds). */
    public void delete(String accountId, String factorId) {
        Object credentialId = redis.opsForHash().get(recordKey(accountId, factorId), "credentialId");
        if (credentialId != null) {
            redis.delete(indexKey(BASE64URL_DECODER.decode((String) credentialId)));
        }
        redis.delete(recordKey(accountId, factorId));
    }

    private Optional<StoredPasskey> find(String accountId, String factorId) {
        if (factors.find(accountId, factorId).isEmpty()) {
            return Optional.empty();
        }
        Map<Object, Object> fields = redis.opsForHash().entries(recordKey(accountId, factorId));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        byte[] credentialId = BASE64URL_DECODER.decode((String) fields.get("credentialId"));
        COSEKey publicKey = converter.getCborConverter()
                .readValue(BASE64URL_DECODER.decode((String) fields.get("publicKey")), COSEKey.class);
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        String storedTransports = (String) fields.get("transports");
        if (storedTransports != null && !storedTransports.isBlank()) {
            for (String transport : storedTransports.split(" ")) {
                transports.add(AuthenticatorTransport.create(transport));
            }
        }
        CredentialRecord record = new CredentialRecordImpl(new NoneAttestationStatement(),
                Boolean.parseBoolean((String) fields.get("uvInitialized")),
                Boolean.parseBoolean((String) fields.get("backupEligible")),
                Boolean.parseBoolean((String) fields.get("backupState")),
                Long.parseLong((String) fields.get("signCount")),
                new AttestedCredentialData(new AAGUID(HexFormat.of().parseHex((String) fields.get("aaguid"))), credentialId, publicKey),
                null, null, null, transports);
        return Optional.of(new StoredPasskey(accountId, factorId, credentialId, record));
    }

    private static String recordKey(String accountId, String factorId) {
        return "passkey:" + accountId + ":" + factorId;
    }

    private static String userHandleKey(String accountId) {
        return "passkey-user-handle:" + accountId;
    }

    private static String indexKey(byte[] credentialId) {
        return "passkey-credential:" + HexFormat.of().formatHex(Sha256.digest(credentialId));
    }

    static String base64url(byte[] value) {
        return BASE64URL.encodeToString(value);
    }

    /** A registered passkey: whose, which factor, and the record webauthn4j verifies assertions against. */
    record StoredPasskey(String accountId, String factorId, byte[] credentialId, CredentialRecord record) {
    }
}
