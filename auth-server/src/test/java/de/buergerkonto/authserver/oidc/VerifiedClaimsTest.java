package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.testing.EidCards;
import de.buergerkonto.eidhandover.Purpose;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The ID card's data as OpenID Connect for Identity Assurance {@code verified_claims}: in the ID
 * token and userinfo only for the scopes the client may have and the citizen granted, with the
 * eIDAS verification and the document evidence; absent otherwise. The consent page says what is
 * released; discovery advertises it.
 */
class VerifiedClaimsTest extends EidEndToEndTest {

    @Test
    void idTokenAndUserinfoWhenProfileAndAddressGrantedThenVerifiedClaimsWithEidasDocumentEvidence() throws Exception {
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "profile", "address");

        OIDCTokenResponse tokens = logInWithCard(flow, EidCards.erika(clock));

        Map<String, Object> verified = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet()
                .getJSONObjectClaim("verified_claims");
        assertThat(verified).isNotNull();
        Map<String, Object> verification = object(verified, "verification");
        assertThat(verification).containsEntry("trust_framework", "eidas").containsEntry("assurance_level", "high")
                .containsKey("time");
        Map<String, Object> evidence = object(list(verification, "evidence").get(0));
        assertThat(evidence).containsEntry("type", "document");
        assertThat(object(list(evidence, "check_details").get(0))).containsEntry("check_method", "vcrypt");
        Map<String, Object> document = object(evidence, "document_details");
        assertThat(document).containsEntry("type", "idcard");
        assertThat(object(document, "issuer")).containsEntry("country_code", "DEU");
        Map<String, Object> claims = object(verified, "claims");
        assertThat(claims).containsEntry("given_name", "ERIKA").containsEntry("family_name", "MUSTERMANN")
                .containsEntry("birth_family_name", "GABLER").containsEntry("birthdate", "1964-08-12")
                .containsEntry("nationalities", List.of("DEU"));
        assertThat(object(claims, "place_of_birth")).containsEntry("locality", "BERLIN");
        assertThat(object(claims, "address")).containsEntry("street_address", "HEIDESTRASSE 17")
                .containsEntry("postal_code", "51147").containsEntry("locality", "KOELN");

        UserInfo userInfo = userInfo(tokens);
        assertThat(userInfo.toJSONObject()).containsKey("verified_claims");
        assertThat(userInfo.getGivenName()).isEqualTo("ERIKA");
        assertThat(userInfo.getFamilyName()).isEqualTo("MUSTERMANN");
        assertThat(userInfo.getAddress().getPostalCode()).isEqualTo("51147");
    }

    @Test
    void idTokenWhenOnlyProfileGrantedThenNoAddress() throws Exception {
        OIDCTokenResponse tokens = logInWithCard(CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "profile"),
                EidCards.erika(clock));

        Map<String, Object> claims = object(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet()
                .getJSONObjectClaim("verified_claims"), "claims");
        assertThat(claims).containsKey("given_name").doesNotContainKey("address");
        assertThat(userInfo(tokens).getAddress()).isNull();
    }

    @Test
    void idTokenAndUserinfoWhenOnlyOpenidThenNoVerifiedClaims() throws Exception {
        OIDCTokenResponse tokens = logInWithCard(CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid"),
                EidCards.erika(clock));

        assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getClaim("verified_claims")).isNull();
        assertThat(userInfo(tokens).toJSONObject()).doesNotContainKeys("verified_claims", "given_name");
    }

    @Test
    void consentWhenCitizenUnticksProfileThenNoVerifiedClaims() throws Exception {
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "profile", "address");
        CitizenBrowser browser = browser();
        browser.open(flow.request(endpoint("/oauth2/authorize")));
        String state = startCardLogin(browser);
        HttpResponse<String> consent = postToken(browser, EidCards.token(EidCards.erika(clock), Purpose.LOGIN, state, clock));
        assertThat(CitizenBrowser.isPage(consent, "/oauth2/consent")).isTrue();
        Document page = CitizenBrowser.parse(consent);
        assertThat(page.getElementById("verified-profile")).as("the page says the card's data is released").isNotNull();
        assertThat(page.getElementById("verified-address")).isNotNull();
        page.getElementById("scope-profile").removeAttr("checked");
        page.getElementById("scope-address").removeAttr("checked");

        URI callback = CitizenBrowser.redirectTarget(browser.submit(page, "form#consent", List.of()));

        OIDCTokenResponse tokens = tokens(flow, callback);
        assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getClaim("verified_claims")).isNull();
        assertThat(userInfo(tokens).toJSONObject()).doesNotContainKey("verified_claims");
    }

    @Test
    void idTokenWhenAccountNotProvenByCardThenNoVerifiedClaimsAndConsentSaysNothingVerified() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "profile");
        CitizenBrowser browser = browser();
        HttpResponse<String> consent = browser.logIn(browser.open(flow.request(endpoint("/oauth2/authorize"))),
                account.email(), PASSWORD);
        assertThat(CitizenBrowser.parse(consent).getElementById("verified-profile")).isNull();

        URI callback = CitizenBrowser.redirectTarget(browser.submit(consent, "form#consent", List.of()));

        assertThat(tokens(flow, callback).getOIDCTokens().getIDToken().getJWTClaimsSet().getClaim("verified_claims"))
                .isNull();
    }

    @Test
    void discoveryWhenFetchedThenAdvertisesIdentityAssurance() throws Exception {
        HTTPResponse http = new HTTPRequest(HTTPRequest.Method.GET, endpoint("/.well-known/openid-configuration")).send();
        Map<String, Object> metadata = http.getBodyAsJSONObject();

        assertThat(metadata).containsEntry("verified_claims_supported", true)
                .containsEntry("trust_frameworks_supported", List.of("eidas"))
                .containsEntry("evidence_supported", List.of("document"));
        assertThat(list(metadata, "claims_in_verified_claims_supported")).contains("given_name", "family_name",
                "birthdate", "place_of_birth", "nationalities", "address");
    }

    private OIDCTokenResponse tokens(CodeFlow flow, URI callback) throws Exception {
        AuthorizationCode code = AuthenticationResponseParser.parse(callback).toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = exchange(flow, code);
        assertThat(tokens.indicatesSuccess()).as("token response %s", tokens).isTrue();
        return (OIDCTokenResponse) tokens.toSuccessResponse();
    }

    private UserInfo userInfo(OIDCTokenResponse tokens) throws Exception {
        HTTPResponse http = new UserInfoRequest(endpoint("/userinfo"),
                (BearerAccessToken) tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send();
        UserInfoResponse response = UserInfoResponse.parse(http);
        assertThat(response.indicatesSuccess()).as("userinfo %s %s", http.getStatusCode(), http.getBody()).isTrue();
        return response.toSuccessResponse().getUserInfo();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> object(Map<String, Object> parent, String name) {
        return object(parent.get(name));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String name) {
        assertThat(parent.get(name)).as(name).isInstanceOf(List.class);
        return (List<Object>) parent.get(name);
    }
}
