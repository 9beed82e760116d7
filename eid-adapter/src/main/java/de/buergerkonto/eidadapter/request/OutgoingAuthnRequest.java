package de.buergerkonto.eidadapter.request;

/**
 * A signed AuthnRequest ready to send.
 *
 * @param requestId its {@code ID}, which the response's {@code InResponseTo} must name
 * @param location the eID-Server SSO URL with {@code SAMLRequest}, {@code RelayState}, {@code SigAlg}, {@code Signature}
 */
public record OutgoingAuthnRequest(String requestId, String location) {
}
