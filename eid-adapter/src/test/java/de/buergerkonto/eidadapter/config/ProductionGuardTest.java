package de.buergerkonto.eidadapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import de.buergerkonto.eidadapter.EidAdapterApplication;

/** The production profile refuses the simulator and the published demo keys, whatever they are called. */
class ProductionGuardTest {

    /** A complete configuration, made of demo material under neutral-looking settings. */
    private static final String[] DEMO_CONFIGURATION = {
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--eid-adapter.service-provider.entity-id=https://eid.example/eid/metadata",
            "--eid-adapter.service-provider.public-base-url=https://eid.example",
            "--eid-adapter.service-provider.signing-key=classpath:demo-keys/sp-signing.key.pem",
            "--eid-adapter.service-provider.signing-certificate=classpath:demo-keys/sp-signing.cert.pem",
            "--eid-adapter.service-provider.decryption-key=classpath:demo-keys/sp-encryption.key.pem",
            "--eid-adapter.service-provider.decryption-certificate=classpath:demo-keys/sp-encryption.cert.pem",
            "--eid-adapter.eid-server.entity-id=https://eid-server.example",
            "--eid-adapter.eid-server.signing-certificate=classpath:demo-keys/simulator-eid-server.cert.pem",
            "--eid-adapter.eid-server.sso-url=https://eid-server.example/sso",
            "--eid-adapter.handover.audience=https://konto.example",
            "--eid-adapter.handover.signing-key=classpath:demo-keys/handover-signing.key.pem",
            "--eid-adapter.handover.signing-certificate=classpath:demo-keys/handover-signing.cert.pem",
            "--eid-adapter.handover.recipient-certificate=classpath:demo-keys/auth-server-handover.cert.pem",
            "--eid-adapter.handover.return-urls=https://konto.example/login/eid/callback"};

    @Test
    void startWhenProductionWithTheSimulatorThenRefusedNamingTheProfile() {
        Throwable refused = catchThrowable(() -> start("production", "eid-simulator"));

        assertThat(refused).isNotNull();
        assertThat(rootMessage(refused)).contains("Refusing to start the production profile")
                .contains("'eid-simulator'");
    }

    @Test
    void startWhenProductionWithDemoKeysThenRefusedNamingThem() {
        Throwable refused = catchThrowable(() -> start("production"));

        assertThat(rootMessage(refused)).contains("demo-keys").contains("published demo key");
    }

    @Test
    void startWhenKeyDoesNotBelongToItsCertificateThenRefusedNamingTheProperty() {
        Throwable refused = catchThrowable(() -> EidAdapterApplication.builder()
                .run(with("--eid-adapter.service-provider.signing-key=classpath:demo-keys/sp-encryption.key.pem")).close());

        assertThat(rootMessage(refused))
                .contains("eid-adapter.service-provider.signing-key: does not belong to its certificate");
    }

    @Test
    void startWhenPropertyMissingThenRefusedNamingIt() {
        Throwable refused = catchThrowable(() -> EidAdapterApplication.builder()
                .run(with("--eid-adapter.handover.audience=")).close());

        assertThat(refused).isNotNull();
        assertThat(allMessages(refused)).contains("eid-adapter.handover").contains("audience");
    }

    private static void start(String... profiles) {
        EidAdapterApplication.builder().profiles(profiles).run(DEMO_CONFIGURATION).close();
    }

    private static String[] with(String override) {
        String key = override.substring(0, override.indexOf('='));
        return Stream.concat(
                Arrays.stream(DEMO_CONFIGURATION).filter(argument -> !argument.startsWith(key + "=")),
                Stream.of(override)).toArray(String[]::new);
    }

    private static String rootMessage(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String allMessages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
