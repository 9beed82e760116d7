package de.buergerkonto.authserver.onetimelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import de.buergerkonto.authserver.security.Sha256;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.TestRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

class OneTimeLinkTokensTest {

    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final StringRedisTemplate redis = TestRedisTemplate.get();
    private final MutableClock clock = MutableClock.startingNow();
    private final OneTimeLinkTokens tokens = new OneTimeLinkTokens(redis, JsonMapper.builder().build(), clock,
            "test", LIFETIME);
    private final OneTimeLinkTokens otherPurpose = new OneTimeLinkTokens(redis, JsonMapper.builder().build(), clock,
            "other", LIFETIME);

    @Test
    void issueWhenCalledThen32RandomBytesInBase64UrlEachTimeDifferent() {
        String first = tokens.issue("account-1");
        String second = tokens.issue("account-1");

        assertThat(first).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second);
    }

    @Test
    void issueWhenStoredThenRedisHoldsOnlyTheHashWithTheLifetimeAsTtl() {
        String token = tokens.issue("account-2");

        Set<String> keys = redis.keys("one-time-link:test:*");
        assertThat(keys).contains("one-time-link:test:" + Sha256.hex(token)).noneMatch(key -> key.contains(token));
        assertThat(redis.opsForValue().get("one-time-link:test:" + Sha256.hex(token))).doesNotContain(token);
        assertThat(redis.getExpire("one-time-link:test:" + Sha256.hex(token))).isBetween(1L, LIFETIME.toSeconds());
    }

    @Test
    void consumeWhenValidThenAccountOnceAndNeverAgain() {
        String token = tokens.issue("account-3");

        assertThat(tokens.consume(token)).hasValue("account-3");
        assertThat(tokens.consume(token)).isEmpty();
        assertThat(tokens.peek(token)).isEmpty();
    }

    @Test
    void peekWhenValidThenAccountWithoutUsingTheTokenUp() {
        String token = tokens.issue("account-4");

        assertThat(tokens.peek(token)).hasValue("account-4");
        assertThat(tokens.consume(token)).hasValue("account-4");
    }

    @Test
    void consumeWhenJustBeforeExpiryThenValid() {
        String token = tokens.issue("account-5");

        clock.advance(LIFETIME.minusNanos(1));

        assertThat(tokens.consume(token)).hasValue("account-5");
    }

    @Test
    void consumeWhenLifetimeReachedThenInvalid() {
        String token = tokens.issue("account-6");

        clock.advance(LIFETIME);

        assertThat(tokens.peek(token)).isEmpty();
        assertThat(tokens.consume(token)).isEmpty();
    }

    @Test
    void consumeWhenTokenOfAnotherPurposeThenInvalid() {
        String token = otherPurpose.issue("account-7");

        assertThat(tokens.consume(token)).isEmpty();
        assertThat(otherPurpose.consume(token)).hasValue("account-7");
    }

    @Test
    void consumeWhenMalformedThenInvalid() {
        assertThat(tokens.consume(null)).isEmpty();
        assertThat(tokens.consume("")).isEmpty();
        assertThat(tokens.consume("*".repeat(43))).isEmpty();
        assertThat(tokens.consume("A".repeat(44))).isEmpty();
    }
}
