package de.buergerkonto.authserver.discovery;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.eid.VerifiedClaims;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * What discovery (OpenID Connect Discovery 1.0, section 3; RFC 8414) says about this server,
 * beyond Spring's defaults: the four trust levels as {@code acr_values_supported}, the claims
 * issued, pairwise subjects only, PKCE with S256 only, and only the grants clients can be
 * registered for.
 */
@Component
public final class ProviderMetadataCustomizer {

    static final List<String> CLAIMS_SUPPORTED = List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce",
            "acr", "amr", "azp", "sid", "email", "email_verified", "given_name", "family_name", "birthdate", "address",
            "verified_claims");

    private static final List<String> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue(), AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());

    // clients are registered with secrets (basic, post) or as public clients (none) only
    private static final List<String> TOKEN_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post", "none");
    private static final List<String> SECRET_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

    public void customize(OidcProviderConfiguration.Builder provider) {
        provider.codeChallengeMethods(ProviderMetadataCustomizer::s256Only);
        provider.grantTypes(grants -> grants.retainAll(GRANT_TYPES));
        provider.tokenEndpointAuthenticationMethods(methods -> replace(methods, TOKEN_AUTH_METHODS));
        provider.tokenIntrospectionEndpointAuthenticationMethods(methods -> replace(methods, SECRET_AUTH_METHODS));
        provider.tokenRevocationEndpointAuthenticationMethods(methods -> replace(methods, SECRET_AUTH_METHODS));
        provider.subjectTypes(types -> {
            types.clear();
            types.add("pairwise");
        });
        provider.claim("acr_values_supported",
                Arrays.stream(AssuranceLevel.values()).map(AssuranceLevel::acr).toList());
        provider.claim("claims_supported", CLAIMS_SUPPORTED);
        // the acr member of the claims parameter is honoured (stepup.StepUpRequirementValidator)
        provider.claim("claims_parameter_supported", true);
        // OpenID Connect for Identity Assurance 1.0, section 8: the ID card's verified data (eid.VerifiedClaims)
        provider.claim("verified_claims_supported", true);
        provider.claim("trust_frameworks_supported", List.of(VerifiedClaims.TRUST_FRAMEWORK));
        provider.claim("evidence_supported", List.of("document"));
        provider.claim("documents_supported", List.of("idcard", "residence_permit"));
        provider.claim("documents_check_methods_supported", List.of("vcrypt"));
        provider.claim("claims_in_verified_claims_supported", VerifiedClaims.CLAIMS_IN_VERIFIED_CLAIMS);
    }

    // the same for the OAuth 2.0 metadata (RFC 8414), which the builders do not share publicly
    public void customize(OAuth2AuthorizationServerMetadata.Builder metadata) {
        metadata.codeChallengeMethods(ProviderMetadataCustomizer::s256Only);
        metadata.grantTypes(grants -> grants.retainAll(GRANT_TYPES));
        metadata.tokenEndpointAuthenticationMethods(methods -> replace(methods, TOKEN_AUTH_METHODS));
        metadata.tokenIntrospectionEndpointAuthenticationMethods(methods -> replace(methods, SECRET_AUTH_METHODS));
        metadata.tokenRevocationEndpointAuthenticationMethods(methods -> replace(methods, SECRET_AUTH_METHODS));
    }

    private static void s256Only(List<String> methods) {
        replace(methods, List.of("S256"));
    }

    private static void replace(List<String> advertised, List<String> supported) {
        advertised.clear();
        advertised.addAll(supported);
    }
}
