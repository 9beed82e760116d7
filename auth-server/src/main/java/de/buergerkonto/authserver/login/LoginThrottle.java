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
 * an IPv6 address by its /64, the block one subscriber usually gets.</li>
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
        Counter account = accountCounter(email, now);
        Counter address = addressCounter(clientAddress, now);
        List<String> counts = redis.opsForValue().multiGet(List.of(account.key(), address.key()));
        return Stream.of(account.blockedFor(counts.get(0), now), address.blockedFor(counts.get(1), now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    /** Counts a wrong password (or an unknown email) against the account and the address. */
    public void recordFailure(String email, String clientAddress) {
        Instant now = clock.instant();
        for (Counter counter : List.of(accountCounter(email, now), addressCounter(clientAddress, now))) {
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
