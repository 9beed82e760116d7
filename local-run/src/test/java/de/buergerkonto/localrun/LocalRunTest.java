package de.buergerkonto.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalRunTest {

    private final LocalRedis redis = new LocalRedis.Embedded(6390, Path.of("/tmp/redis"));

    @Test
    void argumentsWhenBuiltThenRedisPortAndLoopbackComeBeforeTheDeveloperArguments() {
        LocalService service = LocalRun.services().get(0);

        String[] arguments = LocalRun.arguments(service, redis, new String[] {"--debug"});

        assertThat(arguments).containsExactly(
                "--spring.data.redis.url=redis://127.0.0.1:6390",
                "--server.port=9000",
                "--server.address=127.0.0.1",
                "--debug");
    }

    @Test
    void argumentsWhenEidAdapterThenItsOwnConfigNameAndTheSimulatorProfile() {
        LocalService eidAdapter = LocalRun.services().stream()
                .filter(service -> service.name().equals("eid-adapter")).findFirst().orElseThrow();

        assertThat(LocalRun.arguments(eidAdapter, redis, new String[0]))
                .contains("--server.port=9100", "--spring.config.name=eid-adapter");
        assertThat(eidAdapter.profiles()).containsExactly("local", "eid-simulator");
    }

    @Test
    void servicesWhenListedThenNamesAndPortsAreUnique() {
        List<LocalService> services = LocalRun.services();

        assertThat(services).extracting(LocalService::name).doesNotHaveDuplicates();
        assertThat(services).extracting(LocalService::port).doesNotHaveDuplicates();
    }

    @Test
    void bannerWhenStartedThenNamesLoginDiscoveryAndDemoData() {
        String banner = new LocalRun(LocalRun.services()).banner(redis);

        assertThat(banner)
                .contains("http://localhost:9000/\n")
                .contains("http://localhost:9000/.well-known/openid-configuration")
                .contains("http://localhost:9000/dev/mailbox")
                .contains("http://localhost:9100/eid/metadata")
                .contains("erika@example.org")
                .contains("demo-service")
                .contains("demo-cli")
                .contains("embedded on 127.0.0.1:6390");
    }
}
