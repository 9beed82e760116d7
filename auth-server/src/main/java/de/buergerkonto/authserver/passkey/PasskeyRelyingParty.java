package de.buergerkonto.authserver.passkey;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;

import de.buergerkonto.authserver.web.PublicUrl;

/**
 * This server as a WebAuthn relying party: its RP ID and the origins it accepts, checked at start
 * against {@code buergerkonto.public-url} (WebAuthn Level 2, section 5.1.2: the RP ID must be the
 * host of the page's origin or a registrable suffix of it, else browsers refuse every ceremony).
 */
@Component
public class PasskeyRelyingParty {

    private final String rpId;
    private final String rpName;
    private final Set<Origin> origins;

    public PasskeyRelyingParty(PasskeyProperties properties, PublicUrl publicUrl) {
        URI page = publicUrl.publicUrl();
        String host = page.getHost().toLowerCase(Locale.ROOT);
        String id = properties.rpId().trim().toLowerCase(Locale.ROOT);
        if (!isRegistrableSuffix(id, host)) {
            throw new IllegalStateException("buergerkonto.passkeys.rp-id '" + id
                    + "' must be the host of buergerkonto.public-url (" + host + ") or a registrable suffix of it");
        }
        this.rpId = id;
        this.rpName = properties.rpName();
        Set<Origin> accepted = new LinkedHashSet<>();
        if (properties.origins().isEmpty()) {
            accepted.add(origin(page));
        }
        for (URI origin : properties.origins()) {
            String originHost = origin.getHost().toLowerCase(Locale.ROOT);
            if (!isRegistrableSuffix(id, originHost)) {
                throw new IllegalStateException("buergerkonto.passkeys.origins: the host of " + origin
                        + " does not lie within the rp-id " + id);
            }
            accepted.add(origin(origin));
        }
        this.origins = Set.copyOf(accepted);
    }

    /** Equal, or a parent domain with at least two labels (never a bare top-level domain, never an IP address). */
    static boolean isRegistrableSuffix(String rpId, String host) {
        if (rpId.isEmpty() || isIpLiteral(rpId) || isIpLiteral(host)) {
            return false;
        }
        if (rpId.equals(host)) {
            return true;
        }
        return host.endsWith("." + rpId) && rpId.contains(".");
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.contains(":") || host.matches("[0-9.]+");
    }

    private static Origin origin(URI uri) {
        return new Origin(uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }

    public String rpId() {
        return rpId;
    }

    public String rpName() {
        return rpName;
    }

    /** What a response must match: our origins, our RP ID, the challenge we issued. */
    ServerProperty expecting(byte[] challenge) {
        return ServerProperty.builder()
                .origins(origins)
                .rpId(rpId)
                .challenge(new DefaultChallenge(challenge))
                .build();
    }
}
