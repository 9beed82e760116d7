package de.buergerkonto.eidadapter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The eID adapter: service-provider side of the BSI TR-03130 SAML profile, run as its own
 * service so that the SAML/XML attack surface and the eID key material stay out of the
 * auth-server.
 *
 * <p>Its configuration files are {@code eid-adapter*.yml} ({@value #CONFIG_NAME}), not
 * {@code application*.yml}: the local run starts it in one JVM with the auth-server, whose
 * {@code application.yml} would otherwise shadow this one on the shared classpath.
 */
@SpringBootApplication
public class EidAdapterApplication {

    /** {@code spring.config.name} of this application. */
    public static final String CONFIG_NAME = "eid-adapter";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application with its configuration name; the local run and tests start it through this. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EidAdapterApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
