package de.buergerkonto.eidadapter.simulator;

/** The simulated eID-Server refuses an AuthnRequest, as a real one would. */
public final class SimulatorException extends Exception {

    private static final long serialVersionUID = 1L;

    SimulatorException(String message) {
        super(message);
    }

    SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
