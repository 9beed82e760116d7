package de.buergerkonto.eidadapter.citizen;

import java.util.Objects;
import java.util.Optional;

import de.buergerkonto.eidadapter.session.EidSession;

/**
 * Stops a request with a citizen page ({@link CitizenPageAdvice}); carries the session, when one
 * is known, so that the page can offer to start again with the same auth-server request.
 */
public final class CitizenProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CitizenProblem problem;
    private final transient EidSession session;

    public CitizenProblemException(CitizenProblem problem) {
        this(problem, null);
    }

    public CitizenProblemException(CitizenProblem problem, EidSession session) {
        super(problem.name(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.session = session;
    }

    public CitizenProblem problem() {
        return problem;
    }

    public Optional<EidSession> session() {
        return Optional.ofNullable(session);
    }
}
