package de.buergerkonto.gateway.browser;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.server.WebSession;

/**
 * The logins a browser session started per route, kept in the session: a route whose level the
 * auth-server does not deliver would otherwise send the browser back and forth for ever. Once a
 * route has started {@code maxAttempts} logins within {@code window}, the next one is refused and
 * the citizen sees a page instead; a granted request clears the route's count.
 */
final class StepUpAttempts {

    static final String SESSION_ATTRIBUTE = StepUpAttempts.class.getName();

    private StepUpAttempts() {
    }

    /** Per route id, the instants at which logins were started (a HashMap: the session is serialised). */
    private static final class Log extends HashMap<String, ArrayList<Instant>> implements Serializable {
    }

    /** Records a new attempt unless the route has used up its attempts; {@code false} then. */
    static boolean tryStart(WebSession session, String routeId, int maxAttempts, Duration window, Instant now) {
        Log log = session.getAttributeOrDefault(SESSION_ATTRIBUTE, new Log());
        List<Instant> recent = new ArrayList<>(log.getOrDefault(routeId, new ArrayList<>()));
        recent.removeIf(started -> !started.isAfter(now.minus(window)));
        if (recent.size() >= maxAttempts) {
            return false;
        }
        recent.add(now);
        log.put(routeId, new ArrayList<>(recent));
        session.getAttributes().put(SESSION_ATTRIBUTE, log);
        return true;
    }

    static void clear(WebSession session, String routeId) {
        Map<String, ArrayList<Instant>> log = session.getAttribute(SESSION_ATTRIBUTE);
        if (log != null && log.remove(routeId) != null) {
            session.getAttributes().put(SESSION_ATTRIBUTE, log);
        }
    }
}
