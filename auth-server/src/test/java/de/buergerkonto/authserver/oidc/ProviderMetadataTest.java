package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.Test;

class ProviderMetadataTest extends EndToEndTest {

    @Test
    void discoveryWhenReadThenAdvertisesTrustLevelsClaimsPairwiseAndS256Only() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer()));

        assertThat(metadata.getACRs()).extracting(acr -> acr.getValue()).containsExactly(
                "urn:buergerkonto:loa:basic", "http://eidas.europa.eu/LoA/low",
                "http://eidas.europa.eu/LoA/substantial", "http://eidas.europa.eu/LoA/high");
        assertThat(metadata.getClaims()).contains("sub", "acr", "amr", "auth_time", "sid", "email", "email_verified");
        assertThat(metadata.getSubjectTypes()).containsExactly(SubjectType.PAIRWISE);
        assertThat(metadata.supportsClaimsParam()).isTrue();
        assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(metadata.getGrantTypes()).containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE,
                GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS);
        assertThat(metadata.getEndSessionEndpointURI()).isEqualTo(endpoint("/connect/logout"));
        assertThat(metadata.getTokenEndpointAuthMethods()).containsExactlyInAnyOrder(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST,
                ClientAuthenticationMethod.NONE);
        assertThat(metadata.getIntrospectionEndpointAuthMethods()).containsExactlyInAnyOrder(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }

    @Test
    void oauthMetadataWhenReadThenS256OnlyAndRegistrableClientAuthentication() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer()));

        assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(metadata.getRevocationEndpointAuthMethods()).containsExactlyInAnyOrder(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
}
