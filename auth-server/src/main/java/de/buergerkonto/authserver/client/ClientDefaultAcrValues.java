package de.buergerkonto.authserver.client;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The {@code acr} values a service wants by default (the {@code default_acr_values} client
 * metadata of OpenID Connect Dynamic Client Registration 1.0, section 2), kept in its client
 * settings as canonical {@code acr} values, space-separated. Like {@code acr_values} they are
 * voluntary: they count only for a request that names no level itself, and the token says the
 * level reached.
 */
public final class ClientDefaultAcrValues {

    static final String SETTING = "buergerkonto.default-acr-values";

    private ClientDefaultAcrValues() {
    }

    /** The default {@code acr_values}, space-separated as in a request; empty when none are configured. */
    public static Optional<String> of(RegisteredClient client) {
        Object values = client.getClientSettings().getSetting(SETTING);
        return values == null ? Optional.empty() : Optional.of(String.valueOf(values));
    }

    static void set(ClientSettings.Builder settings, List<AssuranceLevel> levels) {
        if (levels != null && !levels.isEmpty()) {
            settings.setting(SETTING, levels.stream().map(AssuranceLevel::acr).collect(Collectors.joining(" ")));
        }
    }

    static void set(ClientSettings.Builder settings, String storedValues) {
        if (storedValues != null && !storedValues.isBlank()) {
            // an unreadable stored value fails the lookup rather than being dropped
            set(settings, Stream.of(storedValues.trim().split(" ")).map(AssuranceLevel::require).toList());
        }
    }
}
