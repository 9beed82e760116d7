package de.buergerkonto.authserver.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.core.io.ClassPathResource;

import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.eidhandover.EidHandoverTokenWriter;
import de.buergerkonto.eidhandover.HandoverClaims;
import de.buergerkonto.eidhandover.HandoverKeyUnavailableException;
import de.buergerkonto.eidhandover.Purpose;
import de.buergerkonto.eidhandover.StaticRecipientKey;

/**
 * The eID adapter's side of the handover, for tests: tokens written with the adapter's demo
 * signing key to the auth-server's demo decryption certificate, as the test configuration
 * expects them ({@code buergerkonto.eid.*} in the test {@code application-default.yml}).
 */
public final class EidCards {

    public static final String ADAPTER_ISSUER = "http://localhost:9100/eid/metadata";
    public static final String AUDIENCE = "http://localhost:9000";

    private static final PrivateKey ADAPTER_KEY = privateKey("demo-keys/eid/eid-adapter-handover-signing.key.pem");
    private static final X509Certificate ADAPTER_CERTIFICATE = certificate("demo-keys/eid/eid-adapter-handover-signing.cert.pem");
    private static final X509Certificate AUTH_SERVER_CERTIFICATE = certificate("demo-keys/eid/handover-decryption.cert.pem");

    private EidCards() {
    }

    /** A new card (a new pseudonym) of Erika Mustermann, the BSI test data, read now. */
    public static CardIdentity erika(Clock clock) {
        return person(newPseudonym(), "ERIKA", "MUSTERMANN", "1964-08-12", clock);
    }

    /** A card with this pseudonym and person, the other attributes as on Erika's card. */
    public static CardIdentity person(String restrictedId, String givenName, String familyName, String birthdate,
            Clock clock) {
        return new CardIdentity(restrictedId, "http://eidas.europa.eu/LoA/high", clock.instant(),
                Optional.of(givenName), Optional.of(familyName), Optional.of("GABLER"), Optional.of(birthdate),
                Map.of(HandoverClaims.FORMATTED, "BERLIN"),
                Map.of(HandoverClaims.STREET_ADDRESS, "HEIDESTRASSE 17", HandoverClaims.LOCALITY, "KOELN",
                        HandoverClaims.POSTAL_CODE, "51147", HandoverClaims.COUNTRY, "D"),
                Optional.of("D"), Optional.of("ID"), Optional.of("D"));
    }

    public static String newPseudonym() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The token the adapter would post, written at the clock's time. */
    public static String token(CardIdentity card, Purpose purpose, String state, Clock clock) {
        return token(card, purpose, state, AUDIENCE, clock);
    }

    public static String token(CardIdentity card, Purpose purpose, String state, String audience, Clock clock) {
        try {
            return new EidHandoverTokenWriter(ADAPTER_ISSUER, audience, ADAPTER_KEY, ADAPTER_CERTIFICATE,
                    new StaticRecipientKey(AUTH_SERVER_CERTIFICATE), Duration.ofSeconds(60), clock)
                    .write(card, purpose, state);
        } catch (HandoverKeyUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String location) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String location) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
