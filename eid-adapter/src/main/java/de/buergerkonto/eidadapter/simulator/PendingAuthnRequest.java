package de.buergerkonto.eidadapter.simulator;

import java.util.List;

/**
 * A verified AuthnRequest waiting for the tester's choice of card and PIN.
 *
 * @param requestId its {@code ID}, answered in {@code InResponseTo}
 * @param relayState its {@code RelayState}, sent back unchanged
 * @param requestedAttributes the attribute names of its {@code eid:RequestedAttributes}
 */
public record PendingAuthnRequest(String requestId, String relayState, List<String> requestedAttributes) {
}
