package de.buergerkonto.authserver.eid;

import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Which account a card belongs to, and what the card proved, in Redis without expiry (see
 * {@code docs/redis-keys.md}):
 * <ul>
 * <li>{@code eid-card:{hmac(pseudonym)}} the id of the account linked to that card; claimed with
 * {@code SET NX}, so a card is linked to one account only, also when two logins race;</li>
 * <li>{@code account-verified-identity:{account id}} the {@link VerifiedIdentity} as JSON.</li>
 * </ul>
 */
@Repository
public class CardLinks {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    CardLinks(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** The account the card (stored form) is linked to. */
    Optional<String> accountOf(String cardPseudonym) {
        return Optional.ofNullable(redis.opsForValue().get(cardKey(cardPseudonym)));
    }

    /**
     * Links the card to the account, unless it is linked already.
     *
     * @return false when the card belongs to an account (this one or another)
     */
    boolean claim(String cardPseudonym, String accountId) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(cardKey(cardPseudonym), accountId));
    }

    /** Removes the link of a card replaced by a new one. */
    void release(String cardPseudonym) {
        redis.delete(cardKey(cardPseudonym));
    }

    public Optional<VerifiedIdentity> verifiedIdentity(String accountId) {
        return Optional.ofNullable(redis.opsForValue().get(identityKey(accountId)))
                .map(value -> json.readValue(value, VerifiedIdentity.class));
    }

    /** Whether the account has a card linked, i.e. the ID card can log into it (the demo fixture has none). */
    public boolean hasCard(String accountId) {
        return verifiedIdentity(accountId).filter(VerifiedIdentity::cardLinked).isPresent();
    }

    void saveVerifiedIdentity(String accountId, VerifiedIdentity identity) {
        redis.opsForValue().set(identityKey(accountId), json.writeValueAsString(identity));
    }

    /** Stores the local run's demo fixture; card proofs are stored only by the card login and linking. */
    public void saveDemoFixture(String accountId, VerifiedIdentity fixture) {
        if (!VerifiedIdentity.SOURCE_DEMO_FIXTURE.equals(fixture.source())) {
            throw new IllegalArgumentException("Not a demo fixture: " + fixture);
        }
        saveVerifiedIdentity(accountId, fixture);
    }

    private static String cardKey(String cardPseudonym) {
        return "eid-card:" + cardPseudonym;
    }

    private static String identityKey(String accountId) {
        return "account-verified-identity:" + accountId;
    }
}
