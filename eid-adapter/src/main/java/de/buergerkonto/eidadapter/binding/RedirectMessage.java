package de.buergerkonto.eidadapter.binding;

import java.util.Optional;

/**
 * A decoded HTTP-Redirect message (SAML 2.0 bindings, 3.4.4), before any of it is trusted.
 *
 * @param parameter which message parameter carried it
 * @param message the inflated SAML message (XML bytes)
 * @param relayState the decoded {@code RelayState}, if sent
 * @param signatureAlgorithm the decoded {@code SigAlg} URI, if sent (not yet checked against the allowlist)
 * @param signature the base64-decoded {@code Signature}, if sent
 * @param signedContent the octets the signature covers: the raw, still URL-encoded
 *        {@code SAMLResponse=...&RelayState=...&SigAlg=...} exactly as received (3.4.4.1)
 */
public record RedirectMessage(
        SamlParameter parameter,
        byte[] message,
        Optional<String> relayState,
        Optional<String> signatureAlgorithm,
        Optional<byte[]> signature,
        byte[] signedContent) {

    public RedirectMessage {
        message = message.clone();
        signature = signature.map(byte[]::clone);
        signedContent = signedContent.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    @Override
    public Optional<byte[]> signature() {
        return signature.map(byte[]::clone);
    }

    @Override
    public byte[] signedContent() {
        return signedContent.clone();
    }

    /** Deliberately without content: the message carries personal data. */
    @Override
    public String toString() {
        return "RedirectMessage[" + parameter.parameterName() + ", " + message.length + " bytes]";
    }
}
