package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import de.buergerkonto.authserver.eid.CardLinks;
import de.buergerkonto.authserver.testing.DemoTotp;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Issue 3's "done when", with the local run's own configuration (profile {@code local}): the
 * {@code demo-cli} client asks for substantial, the demo citizen Max logs in with password and a
 * code of the documented demo secret, and gets a substantial token, as docs/integration-guide.md
 * shows a developer; his verified identity is the local run's demo fixture.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@ActiveProfiles("local")
class DemoCliLocalRunTest {

    private static final ClientID DEMO_CLI = new ClientID("demo-cli");
    private static final URI DEMO_CLI_REDIRECT = URI.create("http://127.0.0.1:53682/callback");
    /** Max's fixed account id (demo.DemoCitizens). */
    private static final String MAX_ACCOUNT_ID = "00000000-0000-4000-8000-000000000a11";

    @LocalServerPort
    int port;

    @Autowired
    CardLinks cardLinks;

    @Test
    @SuppressWarnings("unchecked")
    void authorizeWhenDemoCliAsksForSubstantialAndMaxGivesPasswordAndCodeThenSubstantialTokensAndHisVerifiedDemoData() throws Exception {
        URI issuer = URI.create("http://localhost:" + port);
        CitizenBrowser browser = new CitizenBrowser(issuer);
        EndToEndTest.CodeFlow flow = EndToEndTest.CodeFlow.start(DEMO_CLI, DEMO_CLI_REDIRECT,
                "openid", "profile", "email", "address");
        URI request = URI.create(flow.request(issuer.resolve("/oauth2/authorize")) + "&acr_values="
                + URLEncoder.encode("http://eidas.europa.eu/LoA/substantial", StandardCharsets.UTF_8));

        HttpResponse<String> page = browser.open(request);
        assertThat(CitizenBrowser.isPage(page, "/login")).as("login page: %s", page.uri()).isTrue();
        page = browser.logIn(page, "max@example.org", "Mustermann-2026");
        assertThat(CitizenBrowser.isPage(page, "/login/second-factor")).as("asked for the code: %s", page.uri())
                .isTrue();
        page = browser.submit(page, "form[action=/login/second-factor]",
                List.of(Map.entry("code", DemoTotp.maxsNextCode(Instant.now()))));
        if (CitizenBrowser.isPage(page, "/oauth2/consent")) {
            page = browser.submit(page, "form#consent", List.of());
        }
        URI callback = CitizenBrowser.redirectTarget(page);
        assertThat(callback.toString()).startsWith(DEMO_CLI_REDIRECT.toString());
        AuthorizationResponse response = AuthorizationResponse.parse(callback);
        assertThat(response.indicatesSuccess()).as("authorization response %s", callback).isTrue();

        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(issuer.resolve("/oauth2/token"), DEMO_CLI,
                new AuthorizationCodeGrant(response.toSuccessResponse().getAuthorizationCode(), DEMO_CLI_REDIRECT,
                        flow.verifier())).toHTTPRequest().send());
        assertThat(tokens.indicatesSuccess()).as("token response %s", tokens).isTrue();
        OIDCTokenResponse success = (OIDCTokenResponse) tokens.toSuccessResponse();
        IDTokenClaimsSet idToken = new IDTokenValidator(new Issuer(issuer), DEMO_CLI, JWSAlgorithm.RS256,
                issuer.resolve("/oauth2/jwks").toURL()).validate(success.getOIDCTokens().getIDToken(), flow.nonce());
        JWTClaimsSet accessToken = SignedJWT.parse(success.getTokens().getAccessToken().getValue()).getJWTClaimsSet();

        assertThat(idToken.getACR().getValue()).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(idToken.getAMR()).extracting(Object::toString).containsExactly("pwd", "otp", "mfa");
        assertThat(accessToken.getStringClaim("acr")).isEqualTo(AssuranceLevel.SUBSTANTIAL.acr());
        assertThat(accessToken.getStringClaim("scope")).isEqualTo("address email openid profile");
        assertThat(success.getTokens().getRefreshToken()).as("refresh token").isNotNull();

        // the demo fixture of his proven identity, released like a card's data for profile and address
        Map<String, Object> userInfo = new UserInfoRequest(issuer.resolve("/userinfo"),
                success.getTokens().getBearerAccessToken()).toHTTPRequest().send().getContentAsJSONObject();
        assertThat(userInfo).containsEntry("given_name", "MAX").containsEntry("family_name", "MUSTERMANN")
                .containsEntry("birthdate", "1980-01-01");
        assertThat((Map<String, Object>) userInfo.get("address")).containsEntry("street_address", "ELBERFELDER STRASSE 12")
                .containsEntry("postal_code", "58095").containsEntry("locality", "HAGEN");
        Map<String, Object> verification = (Map<String, Object>) ((Map<String, Object>) userInfo.get("verified_claims"))
                .get("verification");
        assertThat(verification).containsKey("time").as("no document was checked for a fixture").doesNotContainKey("evidence");
        assertThat(cardLinks.hasCard(MAX_ACCOUNT_ID)).as("no ID card is linked to the fixture").isFalse();
    }
}
