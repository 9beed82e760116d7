package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.account.Account;

class RpInitiatedLogoutTest extends EndToEndTest {

    @Test
    void logoutWhenIdTokenHintAndRegisteredUriThenSessionEndsAndBrowserReturnsWithState() throws Exception {
        Account account = createAccount();
        CitizenBrowser browser = browser();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        JWT idToken = oidcTokens(browser, flow, account);
        State state = new State();

        HttpResponse<String> logout = browser.open(
                new LogoutRequest(endpoint("/connect/logout"), idToken, PUBLIC_POST_LOGOUT, state).toURI());

        assertThat(CitizenBrowser.redirectTarget(logout))
                .isEqualTo(URI.create(PUBLIC_POST_LOGOUT + "?state=" + state.getValue()));
        HttpResponse<String> next = browser.open(
                CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid").request(endpoint("/oauth2/authorize")));
        assertThat(CitizenBrowser.isPage(next, "/login")).as("after logout: %s", next.uri()).isTrue();
    }

    @Test
    void logoutWhenPostLogoutUriNotRegisteredThenRefusedAndSessionKept() throws Exception {
        Account account = createAccount();
        CitizenBrowser browser = browser();
        JWT idToken = oidcTokens(browser, CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid"), account);

        HttpResponse<String> logout = browser.open(new LogoutRequest(endpoint("/connect/logout"), idToken,
                URI.create("https://attacker.example/bye"), new State()).toURI());

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(logout.headers().firstValue("Location")).isEmpty();
        HttpResponse<String> next = browser.open(
                CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid").request(endpoint("/oauth2/authorize")));
        assertThat(CitizenBrowser.redirectTarget(next).toString()).startsWith(PUBLIC_REDIRECT + "?code=");
    }

    private JWT oidcTokens(CitizenBrowser browser, CodeFlow flow, Account account) throws Exception {
        return ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) exchange(flow, authorize(browser, flow, account))
                .toSuccessResponse()).getOIDCTokens().getIDToken();
    }
}
