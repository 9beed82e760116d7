package de.buergerkonto.authserver.client;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The services declared in configuration, by client ID; seeded into Redis at start. */
@Validated
@ConfigurationProperties("buergerkonto")
public record ClientDeclarations(Map<String, @Valid DeclaredClient> clients) {

    public ClientDeclarations {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }
}
