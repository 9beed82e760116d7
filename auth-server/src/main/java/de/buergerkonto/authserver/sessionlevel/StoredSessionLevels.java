package de.buergerkonto.authserver.sessionlevel;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;
import de.buergerkonto.trustlevel.ReachedLevel;

/**
 * What a browser session keeps about its trust levels (a session attribute, stored with the
 * session in Redis): the levels it holds with when each was reached and last used, and the login
 * it last saw in the security context, to tell a new login or step-up from one already counted.
 * Plain values only.
 *
 * @param accountId the account of the login last seen
 * @param methods   its {@code amr}
 * @param authTime  its {@code auth_time}
 * @param level     its level
 * @param levels    the levels the session holds, weakest first
 */
record StoredSessionLevels(String accountId, List<AuthenticationMethod> methods, Instant authTime,
        AssuranceLevel level, List<ReachedLevel> levels) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    StoredSessionLevels {
        methods = List.copyOf(methods);
        levels = List.copyOf(levels);
    }

    static StoredSessionLevels of(CitizenAuthentication login, List<ReachedLevel> levels) {
        return new StoredSessionLevels(login.accountId(), login.methods(), login.authTime(), login.level(), levels);
    }

    /** Whether this is the login last seen. */
    boolean isLogin(CitizenAuthentication login) {
        return accountId.equals(login.accountId()) && methods.equals(login.methods())
                && authTime.equals(login.authTime()) && level == login.level();
    }

    /**
     * Whether the login adds to the one last seen (a step-up: same account, every method used
     * before still listed) rather than replacing it (a new login, e.g. after {@code max_age}).
     */
    boolean isContinuedBy(CitizenAuthentication login) {
        return accountId.equals(login.accountId()) && login.methods().containsAll(methods);
    }
}
