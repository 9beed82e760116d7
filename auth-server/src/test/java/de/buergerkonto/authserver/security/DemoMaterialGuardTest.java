package de.buergerkonto.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import de.buergerkonto.authserver.AuthServerApplication;

class DemoMaterialGuardTest {

    private static final String REAL_PAIRWISE_SECRET = "pairwise-9c1f5e0b7a3d4e2f8b6a1c0d9e8f7a6b";
    private static final String REAL_CLIENT_SECRET = "s3cr3t-7f6e5d4c3b2a19081726354433221100";
    private static final String REAL_SECOND_FACTOR_KEY = "fyf1wGOfzefZAUXaeMCV4HYWrcNyNXgZ/pHScERBR74=";
    private static final String LOCAL_DEMO_SECOND_FACTOR_KEY = "pl29ZQrq2b6fRF8C+U8zJ39OicrUboj06hweiC1KSQI=";

    @Test
    void startWhenProductionWithLocalProfileThenRefused() {
        assertThatThrownBy(() -> start("production,local", "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET,
                "buergerkonto.second-factor.encryption-key=" + REAL_SECOND_FACTOR_KEY))
                .rootCause().hasMessageContaining("the profile 'local'");
    }

    @Test
    void startWhenProductionWithDemoSecretsThenRefusedNamingEachProperty() {
        assertThatThrownBy(() -> start("production",
                "buergerkonto.pairwise-subject.secret=demo-only-pairwise-secret-0123456789abcdef",
                "buergerkonto.second-factor.encryption-key=" + REAL_SECOND_FACTOR_KEY,
                "buergerkonto.clients.city-app.secret=demo-service-secret",
                "buergerkonto.clients.city-app.grant-types=client_credentials",
                "buergerkonto.clients.city-app.scopes=api",
                "buergerkonto.clients.payments.secret=short",
                "buergerkonto.clients.payments.grant-types=client_credentials",
                "buergerkonto.clients.payments.scopes=api"))
                .rootCause()
                .hasMessageContaining("buergerkonto.pairwise-subject.secret is a demo value")
                .hasMessageContaining("buergerkonto.clients.city-app.secret is a demo value")
                .hasMessageContaining("buergerkonto.clients.payments.secret is shorter than 32 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {LOCAL_DEMO_SECOND_FACTOR_KEY, "wWbP+h+HGMtHyTFwiGeTDuK5DEnknwL3uH2RRwadc48="})
    void startWhenProductionWithACommittedSecondFactorKeyThenRefused(String demoKey) {
        assertThatThrownBy(() -> start("production",
                "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET,
                "buergerkonto.second-factor.encryption-key=" + demoKey))
                .rootCause()
                .hasMessageContaining("buergerkonto.second-factor.encryption-key is a demo key");
    }

    @Test
    void startWhenSecondFactorKeyMissingOrNot32BytesThenRefusedNamingTheProperty() {
        assertThatThrownBy(() -> start("production",
                "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET,
                "buergerkonto.second-factor.encryption-key=c2hvcnQ="))
                .hasStackTraceContaining("buergerkonto.second-factor")
                .hasStackTraceContaining("32 random bytes");
        assertThatThrownBy(() -> start("production", "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET))
                .hasStackTraceContaining("buergerkonto.second-factor");
    }

    @Test
    void startWhenProductionWithTheEidDemoKeysThenRefusedNamingEachProperty() {
        assertThatThrownBy(() -> start("production",
                "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET,
                "buergerkonto.second-factor.encryption-key=" + REAL_SECOND_FACTOR_KEY,
                "buergerkonto.eid.adapter-start-url=https://eid.example/eid/start",
                "buergerkonto.eid.callback-url=https://konto.example/login/eid/callback",
                "buergerkonto.eid.adapter-issuer=https://eid.example/eid/metadata",
                "buergerkonto.eid.audience=https://konto.example",
                "buergerkonto.eid.adapter-signing-certificate=classpath:demo-keys/eid/eid-adapter-handover-signing.cert.pem",
                "buergerkonto.eid.decryption-key=classpath:demo-keys/eid/handover-decryption.key.pem",
                "buergerkonto.eid.pseudonym-key=JapySRJ+JRkGiPjUOtQU3Y2CHrnRHQSIlIzSqxaEmyA="))
                .rootCause()
                .hasMessageContaining("buergerkonto.eid.pseudonym-key is a demo key")
                .hasMessageContaining("buergerkonto.eid.adapter-signing-certificate is read from demo-keys")
                .hasMessageContaining("buergerkonto.eid.decryption-key is read from demo-keys");
    }

    @Test
    void startWhenProductionWithTheEidDemoKeyCopiedElsewhereThenRefusedByItsPublicKey(@TempDir Path directory)
            throws Exception {
        Path copy = directory.resolve("handover.key.pem");
        try (InputStream demo = new ClassPathResource("demo-keys/eid/handover-decryption.key.pem").getInputStream()) {
            Files.copy(demo, copy);
        }
        Path certificate = directory.resolve("adapter.cert.pem");
        try (InputStream demo = new ClassPathResource("demo-keys/eid/eid-adapter-handover-signing.cert.pem").getInputStream()) {
            Files.copy(demo, certificate);
        }

        assertThatThrownBy(() -> start("production",
                "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET,
                "buergerkonto.second-factor.encryption-key=" + REAL_SECOND_FACTOR_KEY,
                "buergerkonto.eid.adapter-start-url=https://eid.example/eid/start",
                "buergerkonto.eid.callback-url=https://konto.example/login/eid/callback",
                "buergerkonto.eid.adapter-issuer=https://eid.example/eid/metadata",
                "buergerkonto.eid.audience=https://konto.example",
                "buergerkonto.eid.adapter-signing-certificate=file:" + certificate,
                "buergerkonto.eid.decryption-key=file:" + copy,
                "buergerkonto.eid.pseudonym-key=" + REAL_SECOND_FACTOR_KEY))
                .rootCause()
                .hasMessageContaining("buergerkonto.eid.adapter-signing-certificate is a published demo key")
                .hasMessageContaining("buergerkonto.eid.decryption-key is a published demo key");
    }

    @Test
    void startWhenEidEnabledButIncompleteThenRefusedNamingTheSettings() {
        assertThatThrownBy(() -> start("production",
                "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET,
                "buergerkonto.second-factor.encryption-key=" + REAL_SECOND_FACTOR_KEY,
                "buergerkonto.eid.adapter-start-url=https://eid.example/eid/start",
                "buergerkonto.eid.pseudonym-key=c2hvcnQ="))
                .hasStackTraceContaining("buergerkonto.eid")
                .hasStackTraceContaining("pseudonym-key");
    }

    @Test
    void startWhenProductionWithRealSecretsThenRuns() {
        try (ConfigurableApplicationContext context = start("production",
                "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET,
                "buergerkonto.second-factor.encryption-key=" + REAL_SECOND_FACTOR_KEY,
                "buergerkonto.clients.city-app.secret=" + REAL_CLIENT_SECRET,
                "buergerkonto.clients.city-app.grant-types=client_credentials",
                "buergerkonto.clients.city-app.scopes=api")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String profiles, String... properties) {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .profiles(profiles.split(","))
                .properties("server.port=0")
                .properties(properties)
                .run();
    }
}
