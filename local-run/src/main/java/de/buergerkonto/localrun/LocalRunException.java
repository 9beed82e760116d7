package de.buergerkonto.localrun;

/** A local run cannot start; the message tells the developer what to do. */
final class LocalRunException extends RuntimeException {

    LocalRunException(String message) {
        super(message);
    }

    LocalRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
