package de.buergerkonto.authserver.client;

import java.util.Optional;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The lowest trust level a service accepts, kept in its client settings as the canonical
 * {@code acr}: every authorization request of that client demands it as if it were an
 * essential {@code acr}, so the client never receives a weaker token.
 */
public final class ClientMinimumLevel {

    static final String SETTING = "buergerkonto.minimum-level";

    private ClientMinimumLevel() {
    }

    public static Optional<AssuranceLevel> of(RegisteredClient client) {
        Object acr = client.getClientSettings().getSetting(SETTING);
        // fail closed: a setting that names no level is an error, never "no minimum"
        return acr == null ? Optional.empty() : Optional.of(AssuranceLevel.require(String.valueOf(acr)));
    }

    static void set(ClientSettings.Builder settings, AssuranceLevel level) {
        if (level != null) {
            settings.setting(SETTING, level.acr());
        }
    }
}
