package de.buergerkonto.gateway.token;

/** The issuer's JWKS could not be read or parsed: the gateway cannot decide and answers 503. */
public final class JwksUnavailableException extends RuntimeException {

    JwksUnavailableException(Throwable cause) {
        super("The issuer's JWKS is not available", cause);
    }
}
