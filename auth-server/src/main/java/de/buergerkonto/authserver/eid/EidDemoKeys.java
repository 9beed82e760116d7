package de.buergerkonto.authserver.eid;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Finds the published demo keys in the ID card settings, for the production guard: a key or
 * certificate read from a path containing {@code demo-keys}, or one whose public key is that of
 * a demo key under any other name.
 */
public final class EidDemoKeys {

    private static final String DEMO_DIRECTORY = "demo-keys";
    private static final String ADAPTER_CERTIFICATE = "demo-keys/eid/eid-adapter-handover-signing.cert.pem";
    private static final String DECRYPTION_CERTIFICATE = "demo-keys/eid/handover-decryption.cert.pem";

    private final EidProperties properties;

    public EidDemoKeys(EidProperties properties) {
        this.properties = properties;
    }

    /** Each problem names the property. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!properties.enabled()) {
            return problems;
        }
        check(properties.adapterSigningCertificate(), EidProperties.PREFIX + ".adapter-signing-certificate", problems);
        check(properties.decryptionKey(), EidProperties.PREFIX + ".decryption-key", problems);
        return problems;
    }

    private static void check(Resource resource, String property, List<String> problems) {
        if (resource == null) {
            return;
        }
        if (resource.getDescription().contains(DEMO_DIRECTORY)) {
            problems.add(property + " is read from " + DEMO_DIRECTORY + " (published demo key)");
            return;
        }
        PublicKey configured = publicKeyOf(resource, property);
        if (configured != null && (configured.equals(demoPublicKey(ADAPTER_CERTIFICATE))
                || configured.equals(demoPublicKey(DECRYPTION_CERTIFICATE)))) {
            problems.add(property + " is a published demo key");
        }
    }

    private static PublicKey publicKeyOf(Resource resource, String property) {
        try {
            return property.endsWith("certificate")
                    ? EidKeyMaterial.certificate(resource, property).getPublicKey()
                    : EidKeyMaterial.publicKeyOfPrivate(resource, property);
        } catch (IllegalStateException unreadable) {
            // reported by EidKeyMaterial at startup, naming the property
            return null;
        }
    }

    private static PublicKey demoPublicKey(String location) {
        return EidKeyMaterial.certificate(new ClassPathResource(location), location).getPublicKey();
    }
}
