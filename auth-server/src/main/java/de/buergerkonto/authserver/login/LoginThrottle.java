package de.buergerkonto.authserver.login;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.EmailAddress;
import de.buergerkonto.authserver.login.LoginThrottleProperties.Limit;
import de.buergerkonto.authserver.security.Sha256;

/**
 * Counts failed logins in fixed windows, in Redis so that every replica sees the same counts:
 * <ul>
 * <li>{@code login-fail:account:{sha256(email)}:{window start, epoch seconds}} per email typed.
 * Unknown addresses are counted exactly like known ones, so the throttle tells nothing about
 * which addresses have accounts; the key holds a hash, as key names show up in monitoring;</li>
 * <li>{@code login-fail:address:{sha256(client address)}:{window start}} per client IP address,
 * an IPv6 address by its /64, the block one subscriber usually gets;</li>
 * <li>{@code login-fail:second-factor:{accountId}:{window start}} wrong second-factor codes per
 * account, under the per-account limit (the account id is an internal random id).</li>
 * </ul>
 * Windows start at multiples of their length since the epoch, measured by the injected
 * {@link Clock}: moving the clock past a window lifts its lock, and Redis expiry only cleans up.
 * Each counter is raised with INCR and given its TTL in one script, so no counter lives forever.
 */
@Component
public class LoginThrottle {

    private static final RedisScript<Long> COUNT_FAILURE = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then
              redis.call('EXPIRE', KEYS[1], ARGV[1])
            end
            return count
            """, Long.class);

    private final StringRedisTemplate redis;
    private final LoginThrottleProperties limits;
    private final Clock clock;

    public LoginThrottle(StringRedisTemplate redis, LoginThrottleProperties limits, Clock clock) {
        this.redis = redis;
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the caller must wait if this account or address has too many failures now; else empty. */
    public Optional<Duration> retryAfter(String email, String clientAddress) {
        Instant now = clock.instant();
        return retryAfter(accountCounter(email, now), addressCounter(clientAddress, now), now);
    }

    /** Counts a wrong password (or an unknown email) against the account and the address. */
    public void recordFailure(String email, String clientAddress) {
        Instant now = clock.instant();
        count(accountCounter(email, now), addressCounter(clientAddress, now));
    }

    /**
     * Like {@link #retryAfter}, for the second factor (TOTP or recovery code) of a citizen who got
     * past the password: the per-account limit on its own counter, the per-address limit on the
     * address's shared one. The counter is separate because a right password clears the
     * account's password failures: if it cleared the second-factor failures too, whoever knows
     * the password could log in again and again to guess codes without limit.
     */
    public Optional<Duration> secondFactorRetryAfter(String accountId, String clientAddress) {
        Instant now = clock.instant();
        return retryAfter(secondFactorCounter(accountId, now), addressCounter(clientAddress, now), now);
    }

    /** Counts a wrong second-factor code against the account and the address. */
    public void recordSecondFactorFailure(String accountId, String clientAddress) {
        Instant now = clock.instant();
        count(secondFactorCounter(accountId, now), addressCounter(clientAddress, now));
    }

    /** Forgets the account's second-factor failures after a right code; the address keeps its count. */
    public void clearSecondFactorFailures(String accountId) {
        redis.delete(secondFactorCounter(accountId, clock.instant()).key());
    }

    /** Minutes to show for a wait, rounded up: "in 0 minutes" would invite a retry that fails. */
    public static long wholeMinutes(Duration wait) {
        long minutes = wait.toMinutes();
        return wait.equals(Duration.ofMinutes(minutes)) ? Math.max(minutes, 1) : minutes + 1;
    }

    private Optional<Duration> retryAfter(Counter account, Counter address, Instant now) {
        List<String> counts = redis.opsForValue().multiGet(List.of(account.key(), address.key()));
        return Stream.of(account.blockedFor(counts.get(0), now), address.blockedFor(counts.get(1), now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    private void count(Counter... counters) {
        for (Counter counter : counters) {
            // kept twice the window, so it outlives the window even if Redis' clock runs ahead
            long ttlSeconds = counter.limit().window().multipliedBy(2).toSeconds();
            redis.execute(COUNT_FAILURE, List.of(counter.key()), Long.toString(ttlSeconds));
        }
    }

    /**
     * Forgets the account's failures after a successful login or password reset. The address
     * keeps its count: one right password must not reopen an address that guesses at many accounts.
     */
    public void clearAccountFailures(String email) {
        redis.delete(accountCounter(email, clock.instant()).key());
    }

    private Counter accountCounter(String email, Instant now) {
        Limit limit = limits.perAccount();
        return Counter.at("login-fail:account:" + Sha256.hex(EmailAddress.normalize(email)), limit, now);
    }

    private Counter secondFactorCounter(String accountId, Instant now) {
        return Counter.at("login-fail:second-factor:" + accountId, limits.perAccount(), now);
    }

    private Counter addressCounter(String clientAddress, Instant now) {
        Limit limit = limits.perAddress();
        return Counter.at("login-fail:address:" + Sha256.hex(addressBlock(clientAddress)), limit, now);
    }

    /** The address as counted: IPv4 whole, IPv6 by its first 64 bits. */
    static String addressBlock(String clientAddress) {
        String literal = clientAddress == null ? "" : clientAddress.trim();
        if (!literal.contains(":")) {
            return literal;
        }
        try {
            // an IPv6 literal is parsed without any name lookup
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : literal;
        } catch (UnknownHostException notAnAddress) {
            return literal;
        }
    }

    /** One counter, in the window that contains a given instant. */
    private record Counter(String key, Limit limit, Instant windowEnd) {

        static Counter at(String prefix, Limit limit, Instant now) {
            long length = limit.window().toSeconds();
            Instant windowStart = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), length) * length);
            return new Counter(prefix + ":" + windowStart.getEpochSecond(), limit, windowStart.plus(limit.window()));
        }

        Optional<Duration> blockedFor(String count, Instant now) {
            boolean over = count != null && Long.parseLong(count) >= limit.maxFailures();
            return over ? Optional.of(Duration.between(now, windowEnd)) : Optional.empty();
        }
    }
}
