package de.buergerkonto.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.buergerkonto.gateway.policy.RoutePolicy;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Bad route configuration fails the startup with a message naming the property. Binds
 * {@link GatewayProperties} in a minimal Spring application with the same binder as the gateway.
 */
class GatewayPropertiesTest {

    private static final List<String> VALID_ROUTE = List.of("--buergerkonto.gateway.issuer=http://localhost:9000",
            "--buergerkonto.gateway.routes[0].id=parking",
            "--buergerkonto.gateway.routes[0].path=/bewohnerparken",
            "--buergerkonto.gateway.routes[0].uri=http://localhost:8091",
            "--buergerkonto.gateway.routes[0].level=substantial",
            "--buergerkonto.gateway.routes[0].audiences=demo-cli");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"substantial, SUBSTANTIAL", "STORK-QAA-Level-4, HIGH", "http://eidas.europa.eu/LoA/low, LOW",
            "urn:buergerkonto:loa:basic, BASIC", "HIGH, HIGH"})
    void startupWhenLevelInAnyAcceptedFormThenBound(String configured, AssuranceLevel expected) {
        try (ConfigurableApplicationContext context = start("--buergerkonto.gateway.routes[0].level=" + configured)) {
            assertThat(context.getBean(GatewayProperties.class).routes().get(0).level()).isEqualTo(expected);
        }
    }

    @Test
    void startupWhenLevelUnknownThenFailsNamingTheProperty() {
        assertThatThrownBy(() -> start("--buergerkonto.gateway.routes[0].level=medium"))
                .satisfies(failure -> assertThat(messages(failure)).contains("buergerkonto.gateway.routes[0].level")
                        .contains("Unknown trust level 'medium'"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--buergerkonto.gateway.routes[0].path=bewohnerparken",
            "--buergerkonto.gateway.routes[0].path=/bewohnerparken/**",
            "--buergerkonto.gateway.routes[0].max-age=1500ms",
            "--buergerkonto.gateway.routes[0].audiences=",
            "--buergerkonto.gateway.routes[0].id=has space"})
    void startupWhenRouteInvalidThenFailsNamingTheRoute(String invalid) {
        assertThatThrownBy(() -> start(invalid))
                .satisfies(failure -> assertThat(messages(failure)).contains("buergerkonto.gateway.routes[0]"));
    }

    @Test
    void startupWhenNoClientSecretThenFailsNamingTheProperty() {
        assertThatThrownBy(() -> start("--buergerkonto.gateway.browser.client-secret="))
                .satisfies(failure -> assertThat(messages(failure)).contains("buergerkonto.gateway.browser")
                        .contains("clientSecret"));
    }

    @Test
    void startupWhenAssertionKeyRotatesWithinAnHourThenFailsNamingTheProperty() {
        assertThatThrownBy(() -> start("--buergerkonto.gateway.assertion.key-rotation=10m"))
                .satisfies(failure -> assertThat(messages(failure)).contains("buergerkonto.gateway.assertion")
                        .contains("key-rotation must be at least 1 hour"));
    }

    @Test
    void startupWhenRouteValidThenPolicyCarriesItsValues() {
        try (ConfigurableApplicationContext context = start("--buergerkonto.gateway.routes[0].max-age=15m",
                "--buergerkonto.gateway.routes[0].scopes=parking.apply")) {
            RoutePolicy policy = context.getBean(GatewayProperties.class).routes().get(0).policy();
            assertThat(policy.level()).isEqualTo(AssuranceLevel.SUBSTANTIAL);
            assertThat(policy.maxAge()).isEqualTo(Duration.ofMinutes(15));
            assertThat(policy.scopes()).containsExactly("parking.apply");
            assertThat(policy.audiences()).containsExactly("demo-cli");
        }
    }

    private static ConfigurableApplicationContext start(String... overrides) {
        // one value per property: repeated command-line arguments would be joined with commas
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : VALID_ROUTE) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : overrides) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        // binding only: the gateway's application.yml asks for a reactive web server
        args.put("--spring.main.web-application-type", "--spring.main.web-application-type=none");
        return new SpringApplicationBuilder(GatewayConfiguration.class).web(WebApplicationType.NONE)
                .run(args.values().toArray(String[]::new));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
