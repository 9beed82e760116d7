package de.buergerkonto.authserver.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import de.buergerkonto.authserver.testing.CitizenPagesTest;
import de.buergerkonto.authserver.testing.MutableClock;

/** The stored key set is shared by every instance; these tests put it back as they found it. */
@CitizenPagesTest
class SigningKeysTest {

    private static final JWKSelector EVERY_KEY = new JWKSelector(new JWKMatcher.Builder().build());

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MutableClock clock;

    private String storedBefore;

    @BeforeEach
    void remember() {
        storedBefore = redis.opsForValue().get(SigningKeys.REDIS_KEY);
    }

    @AfterEach
    void restore() {
        redis.opsForValue().set(SigningKeys.REDIS_KEY, storedBefore);
    }

    @Test
    void constructWhenNoKeyStoredThenGeneratesOneAndEveryInstanceUsesIt() {
        redis.delete(SigningKeys.REDIS_KEY);

        SigningKeys first = new SigningKeys(redis, clock);
        SigningKeys second = new SigningKeys(redis, clock);

        assertThat(first.activeKeyId()).isEqualTo(second.activeKeyId());
        List<JWK> keys = first.get(EVERY_KEY, null);
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(key.toRSAKey().size()).isEqualTo(2048);
        });
    }

    @Test
    void getWhenTwoKeysStoredThenBothPublishedAndTheFirstSigns() throws Exception {
        JWK next = new RSAKeyGenerator(2048).keyID("next").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        JWK previous = new RSAKeyGenerator(2048).keyID("previous").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        redis.opsForValue().set(SigningKeys.REDIS_KEY, new JWKSet(List.of(next, previous)).toString(false));

        SigningKeys keys = new SigningKeys(redis, clock);

        assertThat(keys.activeKeyId()).isEqualTo("next");
        JWKSet published = new JWKSet(keys.get(EVERY_KEY, null)).toPublicJWKSet();
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly("next", "previous");
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
    }
}
