package de.buergerkonto.authserver.token;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.eid.VerifiedClaims;
import de.buergerkonto.authserver.keys.SigningKeys;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.logout.OidcSessions;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/**
 * The claims of every JWT this server signs.
 * <ul>
 * <li>all: {@code kid} of the active signing key, so verifiers pick the right key during rotation;</li>
 * <li>access tokens (RFC 9068): {@code typ: at+jwt}, {@code client_id}, {@code scope} as a
 * space-separated string;</li>
 * <li>tokens of a citizen's login, ID and access tokens alike: the pairwise {@code sub}, and
 * {@code acr}, {@code amr}, {@code auth_time} of the stored login, so they keep their original
 * values across refreshes (OpenID Connect Core 1.0, section 12.2) and reach resource servers
 * and introspection (RFC 9470, section 3);</li>
 * <li>ID tokens from the code grant: {@code sid} of the citizen's session, for RP-initiated logout;</li>
 * <li>ID tokens: the ID card's {@code verified_claims} for the authorized scopes ({@link VerifiedClaims}).</li>
 * </ul>
 * Tokens of the client credentials grant keep the client id as {@code sub}.
 */
@Component
public final class CitizenTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final SigningKeys signingKeys;
    private final PairwiseSubject pairwiseSubject;
    private final OidcSessions sessions;
    private final VerifiedClaims verifiedClaims;

    public CitizenTokenCustomizer(SigningKeys signingKeys, PairwiseSubject pairwiseSubject, OidcSessions sessions,
            VerifiedClaims verifiedClaims) {
        this.signingKeys = signingKeys;
        this.pairwiseSubject = pairwiseSubject;
        this.sessions = sessions;
        this.verifiedClaims = verifiedClaims;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().keyId(signingKeys.activeKeyId());
        JwtClaimsSet.Builder claims = context.getClaims();
        String clientId = context.getRegisteredClient().getClientId();
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
            claims.claim("client_id", clientId);
            if (!context.getAuthorizedScopes().isEmpty()) {
                claims.claim("scope", String.join(" ", new TreeSet<>(context.getAuthorizedScopes())));
            }
        }
        if (context.getPrincipal() instanceof CitizenAuthentication citizen) {
            claims.subject(pairwiseSubject.of(clientId, citizen.accountId()));
            claims.claim("acr", citizen.level().acr());
            claims.claim("amr", amr(citizen.methods()));
            // a NumericDate (seconds), also where the claims are written as plain JSON (introspection)
            claims.claim(IdTokenClaimNames.AUTH_TIME, citizen.authTime().getEpochSecond());
            if (isIdTokenOfCodeGrant(context)) {
                sessions.sidOfLatestSession(citizen.accountId()).ifPresent(sid -> claims.claim("sid", sid));
            }
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                verifiedClaims.forAccount(citizen.accountId(), context.getAuthorizedScopes())
                        .ifPresent(verified -> claims.claim(VerifiedClaims.CLAIM, verified));
            }
        }
    }

    private static boolean isIdTokenOfCodeGrant(JwtEncodingContext context) {
        return OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                && AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType());
    }

    private static List<String> amr(List<AuthenticationMethod> methods) {
        // an ArrayList: stored claims are read back only as allowlisted collection types
        List<String> values = new ArrayList<>();
        methods.forEach(method -> values.add(method.amr()));
        return values;
    }
}
