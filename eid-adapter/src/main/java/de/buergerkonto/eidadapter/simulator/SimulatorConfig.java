package de.buergerkonto.eidadapter.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import de.buergerkonto.eidadapter.config.EidAdapterProperties;
import de.buergerkonto.eidadapter.config.EidKeyMaterial;
import de.buergerkonto.eidadapter.config.PublicUrls;
import de.buergerkonto.eidadapter.keys.PemKeys;
import de.buergerkonto.eidadapter.start.EidClientOption;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The simulated eID-Server, in this application, with profile {@value #PROFILE} only; the
 * production profile refuses to start with it. It uses the configured eID-Server entity ID, SSO
 * URL and certificate as its own, so the adapter talks to it exactly as to a real one.
 */
@Configuration(proxyBeanMethods = false)
@Profile(SimulatorConfig.PROFILE)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfig {

    static final String PROFILE = "eid-simulator";

    @Bean
    SimulatedEidServer simulatedEidServer(EidAdapterProperties properties, SimulatorProperties simulator,
            EidKeyMaterial keys, PublicUrls urls, Clock clock) {
        PrivateKey signingKey = signingKey(simulator);
        RSAPublicKey certified = (RSAPublicKey) keys.eidServerCertificate().getPublicKey();
        if (!((RSAPrivateCrtKey) signingKey).getModulus().equals(certified.getModulus())) {
            throw new IllegalStateException("eid-adapter.simulator.signing-key: does not belong to"
                    + " eid-adapter.eid-server.signing-certificate");
        }
        return new SimulatedEidServer(properties.eidServer().entityId(), properties.eidServer().ssoUrl().toString(),
                properties.serviceProvider().entityId(), urls.assertionConsumerUrl(), keys.spSigningCertificate(),
                keys.spDecryptionCertificate(), signingKey, clock);
    }

    @Bean
    PendingRequestStore pendingRequestStore(StatefulRedisConnection<String, String> eidRedisConnection) {
        return new PendingRequestStore(eidRedisConnection);
    }

    /** On the start page: the browser plays the eID-Client and fetches the tc-token itself. */
    @Bean
    EidClientOption simulatorClientOption() {
        return new EidClientOption() {
            @Override
            public String labelKey() {
                return "start.simulator";
            }

            @Override
            public String href(String tcTokenUrl) {
                return tcTokenUrl;
            }
        };
    }

    private static PrivateKey signingKey(SimulatorProperties simulator) {
        try (InputStream in = simulator.signingKey().getInputStream()) {
            PrivateKey key = PemKeys.privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            if (!(key instanceof RSAPrivateCrtKey)) {
                throw new IllegalStateException("eid-adapter.simulator.signing-key: must be an RSA private key");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("eid-adapter.simulator.signing-key: cannot be read", e);
        }
    }
}
