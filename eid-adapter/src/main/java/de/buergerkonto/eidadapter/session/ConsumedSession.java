package de.buergerkonto.eidadapter.session;

import java.util.Optional;

/**
 * A session taken out of the store by the assertion consumer, which no one can take again.
 *
 * @param session the session
 * @param requestId the ID of the AuthnRequest its tc-token call sent; empty if the eID-Client never called it
 */
public record ConsumedSession(EidSession session, Optional<String> requestId) {
}
