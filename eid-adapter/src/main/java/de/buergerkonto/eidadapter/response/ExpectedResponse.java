package de.buergerkonto.eidadapter.response;

import java.util.Objects;
import java.util.Optional;

/**
 * What the session that sent the AuthnRequest expects back; kept by the caller (the web layer)
 * between request and response.
 *
 * @param requestId the {@code ID} of the AuthnRequest we sent, which {@code InResponseTo} must name
 * @param relayState the {@code RelayState} we sent, which must come back unchanged; empty if we sent none
 */
public record ExpectedResponse(String requestId, Optional<String> relayState) {

    public ExpectedResponse {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(relayState, "relayState");
        if (requestId.isBlank()) {
            throw new IllegalArgumentException("The expected request ID must not be blank");
        }
    }
}
