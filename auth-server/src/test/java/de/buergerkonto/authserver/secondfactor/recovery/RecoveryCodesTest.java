package de.buergerkonto.authserver.secondfactor.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import de.buergerkonto.authserver.security.Sha256;
import de.buergerkonto.authserver.testing.TestRedisTemplate;

class RecoveryCodesTest {

    private final StringRedisTemplate redis = TestRedisTemplate.get();
    private final RecoveryCodes recoveryCodes = new RecoveryCodes(redis);
    private final String accountId = UUID.randomUUID().toString();

    @Test
    void generateWhenCalledThenTenDistinctGroupedCodesStoredOnlyAsHashes() {
        List<String> codes = recoveryCodes.generate(accountId);

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
        Set<String> stored = redis.opsForSet().members("recovery-codes:" + accountId);
        assertThat(stored).hasSize(10)
                .containsExactlyInAnyOrderElementsOf(codes.stream()
                        .map(code -> Sha256.hex(code.replace("-", ""))).toList());
    }

    @Test
    void useWhenCodeGivenTwiceThenOnlyTheFirstTime() {
        String code = recoveryCodes.generate(accountId).get(3);

        assertThat(recoveryCodes.use(accountId, code)).isTrue();
        assertThat(recoveryCodes.use(accountId, code)).isFalse();
        assertThat(recoveryCodes.remaining(accountId)).isEqualTo(9);
    }

    @Test
    void useWhenTypedInLowerCaseWithSpacesAndLookAlikeLettersThenAccepted() {
        String code = recoveryCodes.generate(accountId).get(0);
        String typed = " " + code.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l') + " ";

        assertThat(recoveryCodes.use(accountId, typed)).isTrue();
    }

    @Test
    void generateWhenCalledAgainThenOldCodesNoLongerWork() {
        String old = recoveryCodes.generate(accountId).get(0);
        List<String> fresh = recoveryCodes.generate(accountId);

        assertThat(recoveryCodes.use(accountId, old)).isFalse();
        assertThat(recoveryCodes.remaining(accountId)).isEqualTo(10);
        assertThat(recoveryCodes.use(accountId, fresh.get(9))).isTrue();
    }

    @Test
    void useWhenCodeOfAnotherAccountOrMalformedThenRefused() {
        String code = recoveryCodes.generate(accountId).get(0);

        assertThat(recoveryCodes.use(UUID.randomUUID().toString(), code)).isFalse();
        assertThat(recoveryCodes.use(accountId, "123456")).isFalse();
        assertThat(recoveryCodes.use(accountId, null)).isFalse();
        assertThat(RecoveryCodes.looksLikeRecoveryCode("123456")).isFalse();
        assertThat(RecoveryCodes.looksLikeRecoveryCode(code)).isTrue();
    }
}
