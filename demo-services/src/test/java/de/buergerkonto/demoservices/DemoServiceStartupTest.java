package de.buergerkonto.demoservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import de.buergerkonto.demoservices.shared.DemoServiceProperties;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** The service profile decides which service starts; none or a bad level fails the start naming the property. */
class DemoServiceStartupTest {

    @Test
    void startWhenNoServiceProfileThenFailsNamingTheRouteId() {
        assertThatThrownBy(() -> start())
                .hasStackTraceContaining("buergerkonto.demo-service")
                .hasStackTraceContaining("routeId");
    }

    @Test
    void startWhenUnknownLevelThenFailsNamingTheAcceptedForms() {
        assertThatThrownBy(() -> start("--spring.profiles.active=bewohnerparken", "--buergerkonto.demo-service.level=medium"))
                .hasStackTraceContaining("buergerkonto.demo-service.level")
                .hasStackTraceContaining("Unknown trust level 'medium'");
    }

    @Test
    void startWhenEPaymentProfileThenRouteIdPrefixAndHighLevel() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=e-payment")) {
            DemoServiceProperties properties = context.getBean(DemoServiceProperties.class);
            assertThat(properties.routeId()).isEqualTo("e-payment");
            assertThat(properties.prefix()).isEqualTo("/e-payment");
            assertThat(properties.level()).isEqualTo(AssuranceLevel.HIGH);
            assertThat(properties.audiences()).containsExactly("demo-cli", "gateway");
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication application = new SpringApplication(DemoServiceApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        String[] all = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = "--server.port=0";
        all[arguments.length + 1] = "--server.address=127.0.0.1";
        return application.run(all);
    }
}
