package de.buergerkonto.authserver.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * A service (OAuth client) declared in configuration under {@code buergerkonto.clients.<client-id>}.
 * A client with a {@code secret} is confidential; without one it is public and may only use
 * the authorization code grant with PKCE.
 *
 * @param name                   shown to citizens on the consent page
 * @param secret                 the client secret; stored only as a SHA-256 hash
 * @param grantTypes             {@code authorization_code}, {@code refresh_token}, {@code client_credentials}
 * @param redirectUris           matched exactly (RFC 9700, section 2.1)
 * @param postLogoutRedirectUris allowed targets of RP-initiated logout
 * @param scopes                 the scopes the client may ask for
 * @param consentRequired        whether citizens are asked before attributes are released
 * @param accessTokenTtl         lifetime of access tokens (default 5 minutes)
 * @param refreshTokenTtl        lifetime of a refresh token chain (default 12 hours)
 * @param minimumLevel           the lowest trust level the service accepts, in any accepted form
 *                               (e.g. {@code substantial}); none: every level
 * @param defaultAcrValues       the levels the service asks for when a request names none
 *                               ({@code default_acr_values}), voluntary like {@code acr_values}
 */
public record DeclaredClient(
        String name,
        String secret,
        @NotEmpty Set<String> grantTypes,
        Set<URI> redirectUris,
        Set<URI> postLogoutRedirectUris,
        @NotEmpty Set<String> scopes,
        Boolean consentRequired,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        String minimumLevel,
        List<String> defaultAcrValues) {

    static final Set<String> SUPPORTED_GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");

    public DeclaredClient {
        redirectUris = redirectUris == null ? Set.of() : Set.copyOf(redirectUris);
        postLogoutRedirectUris = postLogoutRedirectUris == null ? Set.of() : Set.copyOf(postLogoutRedirectUris);
        consentRequired = consentRequired == null || consentRequired;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(5) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(12) : refreshTokenTtl;
        defaultAcrValues = defaultAcrValues == null ? List.of() : List.copyOf(defaultAcrValues);
    }

    /** The parsed {@code defaultAcrValues}, in the configured order. */
    public List<AssuranceLevel> defaultAcrLevels() {
        return defaultAcrValues.stream().map(AssuranceLevel::require).toList();
    }

    @AssertTrue(message = "default-acr-values must each be basic, low, substantial, high, an eIDAS LoA URI or STORK-QAA-Level-1..4")
    public boolean isDefaultAcrValuesKnown() {
        return defaultAcrValues.stream().allMatch(value -> AssuranceLevel.parse(value).isPresent());
    }

    /** The parsed {@code minimumLevel}; {@code null} when none is configured. */
    public AssuranceLevel minimumAssuranceLevel() {
        return minimumLevel == null || minimumLevel.isBlank() ? null : AssuranceLevel.require(minimumLevel);
    }

    @AssertTrue(message = "minimum-level must be basic, low, substantial, high, an eIDAS LoA URI or STORK-QAA-Level-1..4")
    public boolean isMinimumLevelKnown() {
        return minimumLevel == null || minimumLevel.isBlank() || AssuranceLevel.parse(minimumLevel).isPresent();
    }

    public boolean isPublic() {
        return secret == null || secret.isBlank();
    }

    @AssertTrue(message = "grant types must be among authorization_code, refresh_token, client_credentials")
    public boolean isGrantTypesSupported() {
        return grantTypes == null || SUPPORTED_GRANT_TYPES.containsAll(grantTypes);
    }

    @AssertTrue(message = "a client with the authorization_code grant needs at least one redirect URI")
    public boolean isRedirectUriPresentForCodeFlow() {
        return grantTypes == null || !grantTypes.contains("authorization_code") || !redirectUris.isEmpty();
    }

    @AssertTrue(message = "a public client (no secret) cannot use client_credentials")
    public boolean isClientCredentialsConfidential() {
        return grantTypes == null || !grantTypes.contains("client_credentials") || !isPublic();
    }

    @AssertTrue(message = "redirect URIs must be absolute and carry no fragment (RFC 6749, section 3.1.2)")
    public boolean isRedirectUrisWellFormed() {
        return redirectUris.stream().allMatch(uri -> uri.isAbsolute() && uri.getFragment() == null);
    }
}
