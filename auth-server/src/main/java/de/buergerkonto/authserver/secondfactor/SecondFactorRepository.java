package de.buergerkonto.authserver.secondfactor;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The second factors of each account, without their secrets (see {@code docs/redis-keys.md}):
 * <ul>
 * <li>{@code second-factors:{accountId}} the set of factor ids;</li>
 * <li>{@code second-factor:{accountId}:{factorId}} a hash: {@code type}, {@code name},
 * {@code createdAt}, {@code lastUsedAt} (ISO-8601).</li>
 * </ul>
 * Like the authorizations, the record is written before it is listed and unlisted before it is
 * deleted, and a listed id without a record is skipped: a crash between two writes leaves no
 * factor half there. No command spans two keys, so the schema runs on Redis Cluster.
 */
@Repository
public class SecondFactorRepository {

    /** Updates a field of a factor only while the factor exists: a late update never revives a removed one. */
    private static final RedisScript<Long> SET_IF_EXISTS = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """, Long.class);

    /**
     * Unlists a factor; refuses (0) to unlist the last one unless allowed, atomically, so two
     * removals at once cannot together take away a last factor that neither alone could.
     */
    private static final RedisScript<Long> UNLIST = RedisScript.of("""
            if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then
              return -1
            end
            if ARGV[2] == '0' and redis.call('SCARD', KEYS[1]) <= 1 then
              return 0
            end
            redis.call('SREM', KEYS[1], ARGV[1])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    public SecondFactorRepository(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void create(String accountId, SecondFactor factor) {
        redis.opsForHash().putAll(factorKey(accountId, factor.id()), Map.of(
                "type", factor.type().name(),
                "name", factor.name(),
                "createdAt", factor.createdAt().toString()));
        redis.opsForSet().add(listKey(accountId), factor.id());
    }

    /** The account's factors, oldest first. */
    public List<SecondFactor> findAll(String accountId) {
        Set<String> ids = redis.opsForSet().members(listKey(accountId));
        if (ids == null) {
            return List.of();
        }
        return ids.stream()
                .map(id -> find(accountId, id))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(SecondFactor::createdAt).thenComparing(SecondFactor::id))
                .toList();
    }

    public boolean hasAny(String accountId) {
        Long count = redis.opsForSet().size(listKey(accountId));
        return count != null && count > 0;
    }

    public Optional<SecondFactor> find(String accountId, String factorId) {
        Map<Object, Object> fields = redis.opsForHash().entries(factorKey(accountId, factorId));
        if (fields.isEmpty() || !Boolean.TRUE.equals(redis.opsForSet().isMember(listKey(accountId), factorId))) {
            return Optional.empty();
        }
        Object lastUsed = fields.get("lastUsedAt");
        return Optional.of(new SecondFactor(factorId,
                SecondFactorType.valueOf((String) fields.get("type")),
                (String) fields.get("name"),
                Instant.parse((String) fields.get("createdAt")),
                lastUsed == null ? null : Instant.parse((String) lastUsed)));
    }

    /** @return false if the factor does not exist (any more) */
    public boolean rename(String accountId, String factorId, String name) {
        return setIfExists(accountId, factorId, "name", name);
    }

    public void markUsed(String accountId, String factorId, Instant when) {
        setIfExists(accountId, factorId, "lastUsedAt", when.toString());
    }

    /**
     * Removes a factor's record.
     *
     * @param mayRemoveLast whether the factor may be removed if it is the account's only one
     */
    public Removal remove(String accountId, String factorId, boolean mayRemoveLast) {
        Long result = redis.execute(UNLIST, List.of(listKey(accountId)), factorId, mayRemoveLast ? "1" : "0");
        if (Objects.equals(result, 0L)) {
            return Removal.REFUSED_LAST;
        }
        if (!Objects.equals(result, 1L)) {
            return Removal.NOT_FOUND;
        }
        redis.delete(factorKey(accountId, factorId));
        return Removal.REMOVED;
    }

    private boolean setIfExists(String accountId, String factorId, String field, String value) {
        return Objects.equals(redis.execute(SET_IF_EXISTS, List.of(factorKey(accountId, factorId)), field, value), 1L);
    }

    private static String listKey(String accountId) {
        return "second-factors:" + accountId;
    }

    private static String factorKey(String accountId, String factorId) {
        return "second-factor:" + accountId + ":" + factorId;
    }

    /** What {@link #remove} did. */
    public enum Removal {
        REMOVED,
        /** It was the last factor and removing the last was not allowed. */
        REFUSED_LAST,
        NOT_FOUND
    }
}
