package de.buergerkonto.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class LocalRedisSelectorTest {

    private static final Path DATA = Path.of(".local-run", "redis");

    @Test
    void selectWhenRedisUrlSetThenUsesItWithoutCheckingThePort() {
        AtomicBoolean portChecked = new AtomicBoolean();
        LocalRedisSelector selector = new LocalRedisSelector(6390, port -> {
            portChecked.set(true);
            return false;
        });

        LocalRedis redis = selector.select(" redis://:pw@redis.example:6380/2 ", DATA);

        assertThat(redis).isEqualTo(new LocalRedis.External("redis://:pw@redis.example:6380/2"));
        assertThat(portChecked).isFalse();
    }

    @Test
    void selectWhenRedisUrlBlankThenEmbeddedOnTheFixedPortWithAbsoluteDataDirectory() {
        LocalRedisSelector selector = new LocalRedisSelector(6390, port -> true);

        LocalRedis redis = selector.select("  ", DATA);

        assertThat(redis).isInstanceOf(LocalRedis.Embedded.class);
        LocalRedis.Embedded embedded = (LocalRedis.Embedded) redis;
        assertThat(embedded.port()).isEqualTo(6390);
        assertThat(embedded.dataDirectory()).isAbsolute().endsWithRaw(DATA);
        assertThat(embedded.url()).isEqualTo("redis://127.0.0.1:6390");
    }

    @Test
    void selectWhenRedisUrlUnsetAndPortBusyThenFailsNamingPortAndRedisUrl() {
        LocalRedisSelector selector = new LocalRedisSelector(6390, port -> false);

        assertThatThrownBy(() -> selector.select(null, DATA))
                .isInstanceOf(LocalRunException.class)
                .hasMessageContaining("Port 6390")
                .hasMessageContaining("REDIS_URL=redis://127.0.0.1:6390");
    }

    @Test
    void canBindWhenAnotherSocketListensThenFalse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(LocalRedisSelector.canBind(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void descriptionWhenUrlCarriesCredentialsThenHidesThem() {
        LocalRedis redis = new LocalRedis.External("redis://user:secret@redis.example:6380/2");

        assertThat(redis.description()).isEqualTo("redis://redis.example:6380 (REDIS_URL)").doesNotContain("secret");
    }
}
