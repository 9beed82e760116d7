package de.buergerkonto.eidadapter.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

import de.buergerkonto.eidadapter.keys.PemKeys;

/**
 * The published demo keys in {@code src/main/resources/demo-keys/}, known by the SHA-256 of
 * their public keys: a copy under another file name is still recognised.
 */
final class DemoKeys {

    static final String DIRECTORY = "demo-keys/";
    static final List<String> CERTIFICATES = List.of("sp-signing.cert.pem", "sp-encryption.cert.pem",
            "handover-signing.cert.pem", "auth-server-handover.cert.pem", "simulator-eid-server.cert.pem");

    private DemoKeys() {
    }

    /** Whether {@code key} is the public half of one of the demo keys. */
    static boolean isDemoKey(PublicKey key) {
        return FINGERPRINTS.contains(fingerprint(key));
    }

    private static final Set<String> FINGERPRINTS = CERTIFICATES.stream()
            .map(name -> fingerprint(PemKeys.certificate(read(DIRECTORY + name)).getPublicKey()))
            .collect(Collectors.toUnmodifiableSet());

    static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("The demo key list names a missing file: " + path, e);
        }
    }
}
