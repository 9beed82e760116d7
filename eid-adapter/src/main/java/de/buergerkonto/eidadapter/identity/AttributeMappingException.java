package de.buergerkonto.eidadapter.identity;

/** An attribute we need is missing, or one we read has a form we do not accept. Names the attribute, never its value. */
public final class AttributeMappingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the attribute. */
    public enum Problem {
        MISSING, MALFORMED
    }

    private final Problem problem;
    private final String attributeName;

    AttributeMappingException(Problem problem, String attributeName, String message) {
        super(attributeName + ": " + message);
        this.problem = problem;
        this.attributeName = attributeName;
    }

    public Problem problem() {
        return problem;
    }

    public String attributeName() {
        return attributeName;
    }
}
