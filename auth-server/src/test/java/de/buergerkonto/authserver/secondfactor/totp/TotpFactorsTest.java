package de.buergerkonto.authserver.secondfactor.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import de.buergerkonto.authserver.secondfactor.SecondFactor;
import de.buergerkonto.authserver.secondfactor.SecondFactorProperties;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.TestRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

class TotpFactorsTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes();
    private static final String KEY = "fyf1wGOfzefZAUXaeMCV4HYWrcNyNXgZ/pHScERBR74=";

    private final StringRedisTemplate redis = TestRedisTemplate.get();
    private final MutableClock clock = MutableClock.startingNow();
    private final SecondFactorRepository repository = new SecondFactorRepository(redis);
    private final TotpFactors totpFactors = new TotpFactors(redis, repository,
            new TotpSecretCipher(new SecondFactorProperties(KEY)), JsonMapper.builder().build(), clock);
    private final String accountId = UUID.randomUUID().toString();

    @Test
    void verifyWhenOneCodeSubmittedInParallelThenExactlyOneAccepted() throws Exception {
        totpFactors.add(accountId, "App", SECRET, Totp.step(clock.instant()) - 5);
        String code = Totp.authenticatorApp().code(SECRET, Totp.step(clock.instant()));
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return totpFactors.verify(accountId, code);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Optional<String>> result : results) {
                accepted += result.get(10, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void verifyWhenNewerCodeAcceptedThenOlderCodeOfTheWindowRefused() {
        long now = Totp.step(clock.instant());
        totpFactors.add(accountId, "App", SECRET, now - 5);
        Totp totp = Totp.authenticatorApp();

        assertThat(totpFactors.verify(accountId, totp.code(SECRET, now))).isPresent();
        assertThat(totpFactors.verify(accountId, totp.code(SECRET, now - 1))).isEmpty();
        assertThat(totpFactors.verify(accountId, totp.code(SECRET, now + 1))).isPresent();
    }

    @Test
    void addWhenStoredThenSecretOnlyEncryptedInRedisAndLastStepExpires() {
        SecondFactor factor = totpFactors.add(accountId, "App", SECRET, 42);

        String stored = redis.opsForValue().get("totp-secret:" + accountId + ":" + factor.id());
        assertThat(stored).isNotBlank().doesNotContain("1234567890", "GEZDGNBVGY3TQOJQ");
        assertThat(redis.opsForValue().get("totp-last-step:" + accountId + ":" + factor.id())).isEqualTo("42");
        assertThat(redis.getExpire("totp-last-step:" + accountId + ":" + factor.id())).isPositive();
        assertThat(repository.findAll(accountId)).extracting(SecondFactor::name).containsExactly("App");
    }

    @Test
    void pendingEnrolmentWhenOpenedTwiceWithinTenMinutesThenSameSecretAfterwardsANewOne() {
        PendingTotpEnrolment first = totpFactors.pendingEnrolment(accountId);
        clock.advance(Duration.ofMinutes(10).minusNanos(1));
        assertThat(totpFactors.pendingEnrolment(accountId).base32Secret()).isEqualTo(first.base32Secret());
        clock.advance(Duration.ofNanos(1));
        PendingTotpEnrolment second = totpFactors.pendingEnrolment(accountId);

        assertThat(second.base32Secret()).isNotEqualTo(first.base32Secret()).hasSize(32);
        assertThat(redis.getExpire("totp-enrolment:" + accountId)).isBetween(600L, 660L);
    }

    @Test
    void confirmEnrolmentWhenPendingExpiredThenNothingStored() {
        PendingTotpEnrolment pending = totpFactors.pendingEnrolment(accountId);
        clock.advance(Duration.ofMinutes(10));

        String code = Totp.authenticatorApp().code(pending.secret(), Totp.step(clock.instant()));

        assertThat(totpFactors.confirmEnrolment(accountId, "App", code)).isEmpty();
        assertThat(repository.hasAny(accountId)).isFalse();
    }

    @Test
    void confirmEnrolmentWhenRightCodeThenFactorAndTheSameCodeCannotLogIn() {
        PendingTotpEnrolment pending = totpFactors.pendingEnrolment(accountId);
        String code = Totp.authenticatorApp().code(pending.secret(), Totp.step(clock.instant()));

        assertThat(totpFactors.confirmEnrolment(accountId, "App", code)).isPresent();
        assertThat(totpFactors.confirmEnrolment(accountId, "App", code)).as("used up").isEmpty();
        assertThat(totpFactors.verify(accountId, code)).isEmpty();
        assertThat(repository.findAll(accountId)).hasSize(1);
    }

    @Test
    void verifyWhenFactorRemovedThenRefused() {
        SecondFactor factor = totpFactors.add(accountId, "App", SECRET, 0);
        repository.remove(accountId, factor.id(), true);
        totpFactors.deleteSecret(accountId, factor.id());

        assertThat(totpFactors.verify(accountId, Totp.authenticatorApp().code(SECRET, Totp.step(clock.instant()))))
                .isEmpty();
        assertThat(redis.hasKey("totp-secret:" + accountId + ":" + factor.id())).isFalse();
    }
}
