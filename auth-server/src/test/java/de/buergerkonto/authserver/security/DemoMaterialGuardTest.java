package de.buergerkonto.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.buergerkonto.authserver.AuthServerApplication;

class DemoMaterialGuardTest {

    private static final String REAL_PAIRWISE_SECRET = "pairwise-9c1f5e0b7a3d4e2f8b6a1c0d9e8f7a6b";
    private static final String REAL_CLIENT_SECRET = "s3cr3t-7f6e5d4c3b2a19081726354433221100";

    @Test
    void startWhenProductionWithLocalProfileThenRefused() {
        assertThatThrownBy(() -> start("production,local", "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET))
                .rootCause().hasMessageContaining("the profile 'local'");
    }

    @Test
    void startWhenProductionWithDemoSecretsThenRefusedNamingEachProperty() {
        assertThatThrownBy(() -> start("production",
                "buergerkonto.pairwise-subject.secret=demo-only-pairwise-secret-0123456789abcdef",
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

    @Test
    void startWhenProductionWithRealSecretsThenRuns() {
        try (ConfigurableApplicationContext context = start("production",
                "buergerkonto.pairwise-subject.secret=" + REAL_PAIRWISE_SECRET,
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
