package de.buergerkonto.eidadapter.session;

import java.time.Instant;
import java.util.Objects;

import de.buergerkonto.eidhandover.Purpose;

/**
 * One citizen's way through the ID card flow, from {@code /eid/start} to the assertion consumer.
 *
 * @param returnUrl the registered auth-server callback the result goes to
 * @param purpose login or proof, passed on in the handover token
 * @param state the auth-server's opaque value, passed back unchanged in the handover token
 * @param tcTokenHandle the random value in this session's tc-token URL
 * @param relayState the random {@code RelayState} our AuthnRequest carries, which must come back
 * @param startedAt when {@code /eid/start} created it
 */
public record EidSession(String returnUrl, Purpose purpose, String state, String tcTokenHandle, String relayState,
        Instant startedAt) {

    public EidSession {
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tcTokenHandle, "tcTokenHandle");
        Objects.requireNonNull(relayState, "relayState");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Without the state and handles: they are bearer values. */
    @Override
    public String toString() {
        return "EidSession[" + purpose + ", startedAt=" + startedAt + "]";
    }
}
