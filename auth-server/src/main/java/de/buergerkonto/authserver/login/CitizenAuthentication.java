package de.buergerkonto.authserver.login;

import java.io.Serial;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/**
 * A citizen's completed login: which account, how ({@code amr}, RFC 8176), when
 * ({@code auth_time}) and at which trust level. Tokens issued from this login carry these
 * values unchanged, also after a refresh (OpenID Connect Core 1.0, section 2 and 12.2).
 */
public final class CitizenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final List<AuthenticationMethod> methods;
    private final Instant authTime;
    private final AssuranceLevel level;

    public CitizenAuthentication(String accountId, List<AuthenticationMethod> methods, Instant authTime,
            AssuranceLevel level) {
        super(AuthorityUtils.createAuthorityList("ROLE_CITIZEN"));
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.methods = List.copyOf(methods);
        this.authTime = Objects.requireNonNull(authTime, "authTime");
        this.level = Objects.requireNonNull(level, "level");
        setAuthenticated(true);
    }

    public String accountId() {
        return accountId;
    }

    public List<AuthenticationMethod> methods() {
        return methods;
    }

    public Instant authTime() {
        return authTime;
    }

    public AssuranceLevel level() {
        return level;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return accountId;
    }

    @Override
    public String getName() {
        return accountId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CitizenAuthentication that && super.equals(that)
                && accountId.equals(that.accountId) && methods.equals(that.methods)
                && authTime.equals(that.authTime) && level == that.level;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), accountId, methods, authTime, level);
    }
}
