package de.buergerkonto.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static LocalService service(String name) {
        return LocalRun.services().stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void argumentsWhenEidAdapterThenItsOwnConfigNameAndTheSimulatorProfile() {
        LocalService eidAdapter = service("eid-adapter");

        assertThat(LocalRun.arguments(eidAdapter, redis, new String[0]))
                .contains("--server.port=9100", "--spring.config.name=eid-adapter");
        assertThat(eidAdapter.profiles()).containsExactly("local", "eid-simulator");
    }

    @Test
    void argumentsWhenDemoServiceThenChildProcessWithItsServiceProfile() {
        LocalService parking = service("bewohnerparken");

        assertThat(parking.launch()).isEqualTo(new Launch.ExecutableJar("demo-services"));
        assertThat(LocalRun.arguments(parking, redis, new String[0])).containsExactly(
                "--spring.data.redis.url=redis://127.0.0.1:6390",
                "--server.port=8082",
                "--server.address=127.0.0.1",
                "--spring.profiles.active=bewohnerparken");
    }

    @Test
    void servicesWhenListedThenTheReactiveGatewayRunsOutsideThisJvmOnPort8080() {
        LocalService gateway = service("gateway");

        assertThat(gateway.launch()).isEqualTo(new Launch.ExecutableJar("gateway"));
        assertThat(gateway.port()).isEqualTo(8080);
        assertThat(LocalRun.arguments(gateway, redis, new String[0])).contains("--spring.profiles.active=local");
        assertThat(LocalRun.services()).filteredOn(service -> service.launch() instanceof Launch.InThisJvm)
                .extracting(LocalService::name).containsExactly("auth-server", "eid-adapter");
    }

    @Test
    void executableJarWhenNotBuiltThenFailsSayingHowToBuild(@TempDir Path root) {
        assertThatThrownBy(() -> ChildProcess.executableJar(root, "gateway"))
                .isInstanceOf(LocalRunException.class)
                .hasMessageContaining("./mvnw -B -q -DskipTests package");
    }

    @Test
    void servicesWhenListedThenNamesAndPortsAreUnique() {
        List<LocalService> services = LocalRun.services();

        assertThat(services).extracting(LocalService::name).doesNotHaveDuplicates();
        assertThat(services).extracting(LocalService::port).doesNotHaveDuplicates();
    }

    @Test
    void bannerWhenStartedThenNamesLoginDiscoveryAndDemoData() {
        String banner = new LocalRun(LocalRun.services(), Path.of("/repo")).banner(redis);

        assertThat(banner)
                .contains("http://localhost:9000/\n")
                .contains("http://localhost:9000/.well-known/openid-configuration")
                .contains("http://localhost:9000/dev/mailbox")
                .contains("http://localhost:9100/eid/metadata")
                .contains("http://localhost:8080/stadt-news/\n")
                .contains("http://localhost:8080/bewohnerparken/\n")
                .contains("http://localhost:8080/e-payment/\n")
                .contains("http://localhost:8081/stadt-news/api/me")
                .contains("http://localhost:8083/e-payment/api/me")
                .contains("erika@example.org")
                .contains("demo-service")
                .contains("demo-cli")
                .contains("embedded on 127.0.0.1:6390");
    }
}
