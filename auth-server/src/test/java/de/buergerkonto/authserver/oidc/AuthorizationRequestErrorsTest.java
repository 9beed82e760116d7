package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authorization requests a service gets wrong: each ends in a clear OAuth error or an explanatory page. */
class AuthorizationRequestErrorsTest extends EndToEndTest {

    @Test
    void authorizeWhenUnknownClientThenGermanPageWith400() {
        URI request = request(new ClientID("no-such-service"), PUBLIC_REDIRECT, true, CodeChallengeMethod.S256);

        HttpResponse<String> response = browser().open(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Die Anmeldung konnte nicht gestartet werden");
        assertThat(page.selectFirst("#problem").text()).contains("nicht bekannt");
        assertThat(page.selectFirst("#error-code").text()).isEqualTo("invalid_request");
    }

    @Test
    void authorizeWhenUnknownClientAndLangEnThenEnglishPage() {
        URI request = URI.create(request(new ClientID("no-such-service"), PUBLIC_REDIRECT, true,
                CodeChallengeMethod.S256) + "&lang=en");

        HttpResponse<String> response = browser().open(request);

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("#problem").text()).contains("not known");
    }

    @Test
    void authorizeWhenUnknownClientAndJsonCallerThenOAuthErrorJson() throws Exception {
        URI request = request(new ClientID("no-such-service"), PUBLIC_REDIRECT, true, CodeChallengeMethod.S256);

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(request).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"invalid_request\"").contains("client_id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:9999/callback", "http://127.0.0.1:8765/callback/",
            "http://127.0.0.1:8765/callback?next=x", "http://localhost:8765/callback", "https://attacker.example/cb" })
    void authorizeWhenRedirectUriNotRegisteredExactlyThenPageWith400AndNoRedirect(String redirectUri) {
        URI request = request(PUBLIC_CLIENT, URI.create(redirectUri), true, CodeChallengeMethod.S256);

        HttpResponse<String> response = browser().open(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(Jsoup.parse(response.body()).selectFirst("#problem").text()).contains("Rücksprungadresse");
    }

    @Test
    void authorizeWhenPkceMissingThenInvalidRequestRedirectedWithState() throws Exception {
        State state = new State();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), PUBLIC_CLIENT,
                PUBLIC_REDIRECT).endpointURI(endpoint("/oauth2/authorize")).state(state).build().toURI();

        AuthorizationErrorResponse error = errorAtService(request);

        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_request");
        assertThat(error.getErrorObject().getDescription()).contains("code_challenge");
        assertThat(error.getState()).isEqualTo(state);
    }

    @Test
    void authorizeWhenPkcePlainThenInvalidRequest() throws Exception {
        AuthorizationErrorResponse error = errorAtService(request(PUBLIC_CLIENT, PUBLIC_REDIRECT, true,
                CodeChallengeMethod.PLAIN));

        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_request");
        assertThat(error.getErrorObject().getDescription()).contains("code_challenge_method");
    }

    @Test
    void authorizeWhenScopeNotRegisteredForClientThenInvalidScope() throws Exception {
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "api"), PUBLIC_CLIENT,
                PUBLIC_REDIRECT).endpointURI(endpoint("/oauth2/authorize")).state(new State())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build().toURI();

        assertThat(errorAtService(request).getErrorObject().getCode()).isEqualTo("invalid_scope");
    }

    private AuthorizationErrorResponse errorAtService(URI request) throws Exception {
        URI callback = CitizenBrowser.redirectTarget(browser().open(request));
        assertThat(callback.toString()).startsWith(PUBLIC_REDIRECT.toString());
        return AuthenticationResponseParser.parse(callback).toErrorResponse();
    }

    private URI request(ClientID client, URI redirectUri, boolean withPkce, CodeChallengeMethod method) {
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid"), client, redirectUri).endpointURI(endpoint("/oauth2/authorize")).state(new State());
        if (withPkce) {
            builder.codeChallenge(new CodeVerifier(), method);
        }
        return builder.build().toURI();
    }
}
