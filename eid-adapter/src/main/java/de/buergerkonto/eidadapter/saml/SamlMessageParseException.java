package de.buergerkonto.eidadapter.saml;

/** A received message that is not well-formed, hardened-parser-acceptable SAML of the expected type. */
public final class SamlMessageParseException extends Exception {

    private static final long serialVersionUID = 1L;

    SamlMessageParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
