package de.buergerkonto.authserver.stepup;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Hands the explanation of an unreachable level from the authorization endpoint to the page
 * that shows it, through the session: what the account lacks, and the client's redirect URI
 * carrying {@code unmet_authentication_requirements} for the way back.
 */
public final class LevelOutOfReach {

    public static final String PAGE = "/login/level-out-of-reach";
    private static final String ATTRIBUTE = LevelOutOfReach.class.getName();

    private LevelOutOfReach() {
    }

    public static void remember(HttpServletRequest request, LevelOutOfReachException.LevelGap gap, String returnUrl) {
        request.getSession().setAttribute(ATTRIBUTE, new Explanation(gap, returnUrl));
    }

    static Optional<Explanation> recall(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Explanation explanation
                ? Optional.of(explanation)
                : Optional.empty();
    }

    record Explanation(LevelOutOfReachException.LevelGap gap, String returnUrl) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }
}
