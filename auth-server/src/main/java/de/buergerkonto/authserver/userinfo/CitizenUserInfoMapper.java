package de.buergerkonto.authserver.userinfo;

import java.security.Principal;
import java.util.Set;
import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.token.PairwiseSubject;

/**
 * The UserInfo response (OpenID Connect Core 1.0, section 5.3): the same pairwise {@code sub}
 * as in the client's ID token, plus {@code email} and {@code email_verified} when the token
 * carries scope {@code email}. Other scopes add nothing yet. A token whose account is gone is
 * treated as invalid.
 */
@Component
public final class CitizenUserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final AccountRepository accounts;
    private final RegisteredClientRepository clients;
    private final PairwiseSubject pairwiseSubject;

    public CitizenUserInfoMapper(AccountRepository accounts, RegisteredClientRepository clients,
            PairwiseSubject pairwiseSubject) {
        this.accounts = accounts;
        this.clients = clients;
        this.pairwiseSubject = pairwiseSubject;
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
        if (!(authorization.getAttribute(Principal.class.getName()) instanceof CitizenAuthentication citizen)
                || client == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
        }
        Account account = accounts.findById(citizen.accountId())
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
        Set<String> scopes = context.getAccessToken().getScopes();
        OidcUserInfo.Builder userInfo = OidcUserInfo.builder()
                .subject(pairwiseSubject.of(client.getClientId(), account.id()));
        // an account created by the ID card has no email until the citizen adds one
        if (scopes.contains(OidcScopes.EMAIL) && account.hasEmail()) {
            userInfo.email(account.email()).emailVerified(account.emailVerified());
        }
        return userInfo.build();
    }
}
