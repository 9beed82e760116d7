package de.buergerkonto.demoservices;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One of the three demo online services, chosen by its Spring profile: {@code stadt-news} (basic),
 * {@code bewohnerparken} (substantial) or {@code e-payment} (high).
 *
 * <p>One application started three times rather than three applications: everything that makes
 * a service trustworthy (the gateway assertion, the token check, the level, {@code /api/me}, the
 * page frame) is the same for all three and lives in {@code shared}; a service adds only its
 * form. One jar and one image serve all three; the profile's file
 * ({@code application-<service>.yml}) names the route id, the path prefix and the level. Without
 * a service profile the start fails on the missing route id.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DemoServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoServiceApplication.class, args);
    }
}
