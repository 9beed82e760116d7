package de.buergerkonto.eidadapter.simulator;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * @param signingKey the simulated eID-Server's PEM signing key; its certificate is
 *        {@code eid-adapter.eid-server.signing-certificate}
 */
@Validated
@ConfigurationProperties("eid-adapter.simulator")
public record SimulatorProperties(@NotNull Resource signingKey) {
}
