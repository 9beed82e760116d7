package de.buergerkonto.eidadapter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The eID adapter: service-provider side of the BSI TR-03130 SAML profile, run as its own
 * service so that the SAML/XML attack surface and the eID key material stay out of the
 * auth-server.
 */
@SpringBootApplication
public class EidAdapterApplication {

    public static void main(String[] args) {
        SpringApplication.run(EidAdapterApplication.class, args);
    }
}
