package de.buergerkonto.eidadapter.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.buergerkonto.eidadapter.replay.RedisAssertionReplayCache;
import de.buergerkonto.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** The same real response twice, with the one-time-use store in a real Redis. */
class EidResponseValidatorReplayTest {

    private static final String ASSERTION_ID = "_2cb05863-f2e5-4e20-b072-d690acff70c0";

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    @BeforeEach
    void connect() {
        client = RedisClient.create(TestRedis.uri());
        connection = client.connect();
        // the recorded assertion's ID is fixed: start from "never seen" even when rerun within its TTL
        connection.sync().del(RedisAssertionReplayCache.key(RecordedResponse.ISSUER, ASSERTION_ID));
    }

    @AfterEach
    void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void validateWhenSameResponseTwiceThenSecondRefusedAsReplayed() throws Exception {
        EidResponseValidator validator = new EidResponseValidator(RecordedResponse.settings(),
                new RedisAssertionReplayCache(connection), RecordedResponse.clockAt(RecordedResponse.ACCEPT_AT));

        assertThat(validator.validate(RecordedResponse.RAW_QUERY, RecordedResponse.expectedResponse())).isNotNull();
        assertThatExceptionOfType(EidResponseException.class)
                .isThrownBy(() -> validator.validate(RecordedResponse.RAW_QUERY, RecordedResponse.expectedResponse()))
                .satisfies(refused -> assertThat(refused.error()).isEqualTo(EidError.REPLAYED));
    }

    @Test
    void validateWhenReplayedToAnotherReplicaThenRefusedAsReplayed() throws Exception {
        EidResponseValidator first = new EidResponseValidator(RecordedResponse.settings(),
                new RedisAssertionReplayCache(connection), RecordedResponse.clockAt(RecordedResponse.ACCEPT_AT));
        EidResponseValidator second = new EidResponseValidator(RecordedResponse.settings(),
                new RedisAssertionReplayCache(connection),
                RecordedResponse.clockAt(RecordedResponse.ACCEPT_AT.plusSeconds(5)));

        first.validate(RecordedResponse.RAW_QUERY, RecordedResponse.expectedResponse());

        assertThatExceptionOfType(EidResponseException.class)
                .isThrownBy(() -> second.validate(RecordedResponse.RAW_QUERY, RecordedResponse.expectedResponse()))
                .satisfies(refused -> assertThat(refused.error()).isEqualTo(EidError.REPLAYED));
    }

    @Test
    void validateWhenOneTimeUseStoreUnavailableThenRefused() {
        StatefulRedisConnection<String, String> closed = client.connect();
        closed.close();
        EidResponseValidator validator = new EidResponseValidator(RecordedResponse.settings(),
                new RedisAssertionReplayCache(closed), RecordedResponse.clockAt(RecordedResponse.ACCEPT_AT));

        assertThatExceptionOfType(EidResponseException.class)
                .isThrownBy(() -> validator.validate(RecordedResponse.RAW_QUERY, RecordedResponse.expectedResponse()))
                .satisfies(refused -> assertThat(refused.error()).isEqualTo(EidError.REPLAY_CHECK_UNAVAILABLE));
    }
}
