package de.buergerkonto.authserver.account;

import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import de.buergerkonto.authserver.security.Sha256;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts in Redis, kept without expiry (see {@code docs/redis-keys.md}):
 * <ul>
 * <li>{@code account:{id}} the account as JSON;</li>
 * <li>{@code account-email:{sha256(email)}} the id of the account with that email. The address
 * is hashed so that key names, which show up in monitoring, carry no personal data.</li>
 * </ul>
 */
@Repository
public class AccountRepository {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public AccountRepository(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /**
     * Stores a new account, unless its email is taken. An account without email (created by the
     * ID card) claims only its id.
     *
     * @return false if another account already has this email (or this id)
     */
    public boolean create(Account account) {
        if (!account.hasEmail()) {
            return Boolean.TRUE.equals(
                    redis.opsForValue().setIfAbsent(accountKey(account.id()), json.writeValueAsString(account)));
        }
        Boolean claimed = redis.opsForValue().setIfAbsent(emailKey(account.email()), account.id());
        if (!Boolean.TRUE.equals(claimed)) {
            return false;
        }
        save(account);
        return true;
    }

    /**
     * Gives an account without email (created by the ID card) its email and password, unless the
     * address belongs to another account.
     *
     * @return false if another account already has this email
     */
    public boolean addEmail(Account withEmail) {
        Boolean claimed = redis.opsForValue().setIfAbsent(emailKey(withEmail.email()), withEmail.id());
        if (!Boolean.TRUE.equals(claimed)) {
            return false;
        }
        save(withEmail);
        return true;
    }

    public void save(Account account) {
        redis.opsForValue().set(accountKey(account.id()), json.writeValueAsString(account));
    }

    public Optional<Account> findById(String id) {
        return Optional.ofNullable(redis.opsForValue().get(accountKey(id)))
                .map(value -> json.readValue(value, Account.class));
    }

    public Optional<Account> findByEmail(String email) {
        return Optional.ofNullable(redis.opsForValue().get(emailKey(EmailAddress.normalize(email))))
                .flatMap(this::findById);
    }

    public void delete(Account account) {
        redis.delete(accountKey(account.id()));
        if (account.hasEmail()) {
            redis.delete(emailKey(account.email()));
        }
    }

    private static String accountKey(String id) {
        return "account:" + id;
    }

    private static String emailKey(String normalizedEmail) {
        return "account-email:" + Sha256.hex(normalizedEmail);
    }
}
