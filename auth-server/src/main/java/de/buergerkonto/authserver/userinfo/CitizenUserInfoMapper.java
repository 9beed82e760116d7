package de.buergerkonto.authserver.userinfo;

import java.security.Principal;
import java.util.List;
import java.util.Map;
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
import de.buergerkonto.authserver.eid.VerifiedClaims;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.token.PairwiseSubject;

/**
 * The UserInfo response (OpenID Connect Core 1.0, section 5.3): the same pairwise {@code sub}
 * as in the client's ID token, plus {@code email} and {@code email_verified} when the token
 * carries scope {@code email}. For an account whose identity the ID card proved, scopes
 * {@code profile} and {@code address} release the card's data twice: as the standard claims
 * ({@code given_name}, {@code family_name}, {@code birthdate}; {@code address}), which services
 * and the gateway read as they are, and as {@code verified_claims} with how they were verified
 * (OpenID Connect for Identity Assurance 1.0, {@link VerifiedClaims}). A token whose account is
 * gone is treated as invalid.
 */
@Component
public final class CitizenUserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    /** The verified claims that are also OpenID Connect Core standard claims (5.1). */
    private static final List<String> STANDARD_CLAIMS = List.of("given_name", "family_name", "birthdate", "address");

    private final AccountRepository accounts;
    private final RegisteredClientRepository clients;
    private final PairwiseSubject pairwiseSubject;
    private final VerifiedClaims verifiedClaims;

    public CitizenUserInfoMapper(AccountRepository accounts, RegisteredClientRepository clients,
            PairwiseSubject pairwiseSubject, VerifiedClaims verifiedClaims) {
        this.accounts = accounts;
        this.clients = clients;
        this.pairwiseSubject = pairwiseSubject;
        this.verifiedClaims = verifiedClaims;
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
        verifiedClaims.forAccount(account.id(), scopes).ifPresent(verified -> {
            userInfo.claim(VerifiedClaims.CLAIM, verified);
            if (verified.get("claims") instanceof Map<?, ?> claims) {
                claims.forEach((name, value) -> STANDARD_CLAIMS.stream().filter(name::equals).findFirst()
                        .ifPresent(standard -> userInfo.claim(standard, value)));
            }
        });
        return userInfo.build();
    }
}
