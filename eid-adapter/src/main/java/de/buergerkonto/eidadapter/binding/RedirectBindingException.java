package de.buergerkonto.eidadapter.binding;

/** A received HTTP-Redirect message that could not be decoded; the message never quotes it. */
public final class RedirectBindingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why decoding stopped. */
    public enum Problem {
        /** Missing, repeated or undecodable parameter; invalid base64 or DEFLATE data. */
        MALFORMED,
        /** The query or the inflated message is over the {@link RedirectBindingLimits}. */
        TOO_LARGE
    }

    private final Problem problem;

    RedirectBindingException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    RedirectBindingException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
