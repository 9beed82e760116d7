package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

import org.assertj.core.api.Assertions;
import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.eid.LinkedCards;
import de.buergerkonto.authserver.testing.EidCards;
import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.eidhandover.Purpose;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The ID card in end-to-end tests: the eID adapter is stood in for by {@link EidCards}, which
 * writes handover tokens as the adapter does with the demo keys of the test configuration; the
 * browser follows the auth-server's redirect to the adapter only to learn the {@code state}.
 */
abstract class EidEndToEndTest extends EndToEndTest {

    static final String CALLBACK = "/login/eid/callback";

    @Autowired
    ApplicationContext context;

    /** The whole card login of a service's authorization request: login page, adapter (simulated by the writer), callback, consent. */
    OIDCTokenResponse logInWithCard(CodeFlow flow, CardIdentity card) throws Exception {
        CitizenBrowser browser = browser();
        HttpResponse<String> loginPage = browser.open(flow.request(endpoint("/oauth2/authorize")));
        assertThat(CitizenBrowser.isPage(loginPage, "/login")).isTrue();
        String state = startCardLogin(browser);
        HttpResponse<String> response = postToken(browser, EidCards.token(card, Purpose.LOGIN, state, clock));
        if (CitizenBrowser.isPage(response, "/oauth2/consent")) {
            response = browser.submit(response, "form#consent", List.of());
        }
        AuthenticationResponse authorization = AuthenticationResponseParser.parse(CitizenBrowser.redirectTarget(response));
        assertThat(authorization.indicatesSuccess()).as("authorization response").isTrue();
        AuthorizationCode code = authorization.toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = exchange(flow, code);
        assertThat(tokens.indicatesSuccess()).as("token response %s", tokens).isTrue();
        return (OIDCTokenResponse) tokens.toSuccessResponse();
    }

    /** Follows the login page's link; returns the state the adapter would get. */
    String startCardLogin(CitizenBrowser browser) {
        return startCard(browser, "/login/eid");
    }

    String startCard(CitizenBrowser browser, String path) {
        URI adapter = CitizenBrowser.redirectTarget(browser.open(endpoint(path)));
        return UriComponentsBuilder.fromUri(adapter).build().getQueryParams().getFirst("state");
    }

    HttpResponse<String> postToken(CitizenBrowser browser, String token) {
        return browser.post(endpoint(CALLBACK), List.of(Map.entry("handover_token", token)));
    }

    /** No request was waiting: the account page. */
    static void assertLoggedIn(HttpResponse<String> response) {
        assertThat(CitizenBrowser.isPage(response, "/")).as("account page, got %s %s", response.statusCode(), response.uri())
                .isTrue();
    }

    static void assertRefused(HttpResponse<String> response, int status, String refusal) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(CitizenBrowser.parse(response).selectFirst("#eid-refused").attr("data-refusal")).isEqualTo(refusal);
    }

    Account accountOf(CardIdentity card) {
        return accounts.findById(cardAccountId(card)).orElseThrow();
    }

    String cardAccountId(CardIdentity card) {
        return new LinkedCards(context).accountOf(card.restrictedId()).orElseThrow();
    }

    static TemporalUnitOffset within() {
        return Assertions.within(5, ChronoUnit.SECONDS);
    }

    /** The ID token's acr short name, or the error the client received. */
    String outcome(CodeFlow flow, URI callback) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
        assertThat(response.getState()).isEqualTo(flow.state());
        if (!response.indicatesSuccess()) {
            return response.toErrorResponse().getErrorObject().getCode();
        }
        TokenResponse tokens = exchange(flow, response.toSuccessResponse().getAuthorizationCode());
        assertThat(tokens.indicatesSuccess()).as("token response %s", tokens).isTrue();
        String acr = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken().getJWTClaimsSet()
                .getStringClaim("acr");
        return AssuranceLevel.parse(acr).orElseThrow().shortName();
    }

    /** An authorization request that makes the level essential (claims parameter), optionally with prompt. */
    URI requestingEssential(CodeFlow flow, AssuranceLevel level, String prompt) {
        String claims = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"" + level.acr() + "\"]}}}";
        return URI.create(flow.request(endpoint("/oauth2/authorize")) + "&claims="
                + URLEncoder.encode(claims, StandardCharsets.UTF_8) + (prompt == null ? "" : "&prompt=" + prompt));
    }

    /** Where the browser ends after consent: the redirect back to the service. */
    static URI backToService(CitizenBrowser browser, HttpResponse<String> page) {
        HttpResponse<String> current = page;
        if (CitizenBrowser.isPage(current, "/oauth2/consent")) {
            current = browser.submit(current, "form#consent", List.of());
        }
        return CitizenBrowser.redirectTarget(current);
    }
}
