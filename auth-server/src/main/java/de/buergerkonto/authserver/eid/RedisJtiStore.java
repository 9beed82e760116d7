package de.buergerkonto.authserver.eid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import de.buergerkonto.authserver.security.Sha256;
import de.buergerkonto.eidhandover.JtiStore;
import de.buergerkonto.eidhandover.JtiStoreUnavailableException;

/**
 * The handover tokens already accepted, shared by every auth-server instance:
 * {@code eid-handover-jti:{sha256(jti)}} set with {@code SET NX PX} until the token could no
 * longer pass the time checks. Redis not answering refuses the token: a replay cannot be told
 * from a first use.
 */
class RedisJtiStore implements JtiStore {

    private final StringRedisTemplate redis;
    private final Clock clock;

    RedisJtiStore(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String jti, Instant keepUntil) throws JtiStoreUnavailableException {
        Duration ttl = Duration.between(clock.instant(), keepUntil);
        if (ttl.toMillis() < 1) {
            ttl = Duration.ofMillis(1);
        }
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(jti), "1", ttl));
        } catch (DataAccessException e) {
            throw new JtiStoreUnavailableException("Redis did not record the handover jti", e);
        }
    }

    static String key(String jti) {
        return "eid-handover-jti:" + Sha256.hex(jti);
    }
}
