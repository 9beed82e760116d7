package de.buergerkonto.eidadapter.config;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the {@code production} profile with anything made for demos and tests: the
 * simulated eID-Server ({@code eid-simulator}), the {@code local} profile, a key or certificate
 * read from {@code demo-keys} or equal to one of the demo keys under any name, or a public base
 * URL without TLS. The startup failure lists every problem at once.
 */
@Component
@Profile("production")
class ProductionGuard implements InitializingBean {

    static final String SIMULATOR_PROFILE = "eid-simulator";

    private final Environment environment;
    private final EidAdapterProperties properties;
    private final EidKeyMaterial keys;

    ProductionGuard(Environment environment, EidAdapterProperties properties, EidKeyMaterial keys) {
        this.environment = environment;
        this.properties = properties;
        this.keys = keys;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (environment.acceptsProfiles(Profiles.of(SIMULATOR_PROFILE))) {
            problems.add("the profile '" + SIMULATOR_PROFILE + "' (simulated eID-Server with test cards) is active");
        }
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            problems.add("the profile 'local' (demo keys, local URLs) is active");
        }
        keyResources().filter(ProductionGuard::isDemoPath)
                .forEach(resource -> problems.add("a key is read from the demo-keys directory: " + resource.getDescription()));
        for (PublicKey key : keys.publicKeys()) {
            if (DemoKeys.isDemoKey(key)) {
                problems.add("a configured key is a published demo key (fingerprint " + DemoKeys.fingerprint(key) + ")");
            }
        }
        if (!"https".equals(properties.serviceProvider().publicBaseUrl().getScheme())) {
            problems.add("eid-adapter.service-provider.public-base-url must be https");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the production profile: " + String.join("; ", problems));
        }
    }

    private Stream<Resource> keyResources() {
        EidAdapterProperties.ServiceProvider sp = properties.serviceProvider();
        EidAdapterProperties.Handover handover = properties.handover();
        return Stream.of(sp.signingKey(), sp.signingCertificate(), sp.decryptionKey(), sp.decryptionCertificate(),
                properties.eidServer().signingCertificate(), handover.signingKey(), handover.signingCertificate(),
                handover.recipientCertificate()).filter(Objects::nonNull);
    }

    private static boolean isDemoPath(Resource resource) {
        String description = resource.getDescription().toLowerCase(Locale.ROOT);
        try {
            return description.contains("demo-keys") || resource.getURI().toString().contains("demo-keys");
        } catch (IOException notAddressable) {
            return description.contains("demo-keys");
        }
    }
}
