package de.buergerkonto.authserver.sessionlevel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.LevelLifetimes;
import de.buergerkonto.trustlevel.SessionAssurance;

/**
 * The trust levels of a citizen's browser session over time (BSI TR-03160-1, as BundID applies
 * it): each level lasts until its maximum or idle time has passed ({@link LevelLifetimes}), then
 * the session falls back to the highest level still valid, and with none left the citizen logs
 * in again.
 *
 * <p>Whoever logs a citizen in or steps her up only puts a new {@link CitizenAuthentication}
 * into the security context; this class notices it at the next use of the session and records
 * the level it reached ({@link SessionAssurance#reach}). A login that keeps all methods of the
 * one before is a step-up and adds to the levels held; any other login (another account, a new
 * password login after {@code max_age}) starts them afresh, so the session never claims more
 * than its latest login proves.
 */
@Component
public final class SessionLevels {

    static final String ATTRIBUTE = SessionLevels.class.getName();

    private final LevelLifetimes lifetimes;
    private final Clock clock;

    public SessionLevels(LevelLifetimes lifetimes, Clock clock) {
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    /**
     * Records a use of the session, whose security context holds {@code login}, now.
     *
     * @return the login at the session's current level: {@code login} itself while its level
     *         lasts; past it the same login at the fallback level, with the {@code auth_time} at
     *         which the session reached that level; empty when no level is left
     */
    public Optional<CitizenAuthentication> use(HttpSession session, CitizenAuthentication login) {
        Instant now = clock.instant();
        SessionAssurance assurance = reconcile(session.getAttribute(ATTRIBUTE), login).touch(now);
        Optional<AssuranceLevel> current = assurance.currentLevel(now);
        if (current.isEmpty()) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        CitizenAuthentication effective = atLevel(login, current.get(), assurance.authTimeFor(current.get()).orElseThrow());
        session.setAttribute(ATTRIBUTE, StoredSessionLevels.of(effective, assurance.levels()));
        return Optional.of(effective);
    }

    private SessionAssurance reconcile(Object stored, CitizenAuthentication login) {
        if (stored instanceof StoredSessionLevels levels && levels.isLogin(login)) {
            return SessionAssurance.restore(lifetimes, levels.levels());
        }
        if (stored instanceof StoredSessionLevels levels && levels.isContinuedBy(login)) {
            return SessionAssurance.restore(lifetimes, levels.levels()).reach(login.level(), login.authTime());
        }
        return SessionAssurance.empty(lifetimes).reach(login.level(), login.authTime());
    }

    /** The login as the session holds it now; amr stays that of the login, acr and auth_time follow the level. */
    private static CitizenAuthentication atLevel(CitizenAuthentication login, AssuranceLevel level, Instant authTime) {
        if (login.level() == level && login.authTime().equals(authTime)) {
            return login;
        }
        CitizenAuthentication fallback = new CitizenAuthentication(login.accountId(), login.methods(), authTime, level);
        fallback.setDetails(login.getDetails());
        return fallback;
    }
}
