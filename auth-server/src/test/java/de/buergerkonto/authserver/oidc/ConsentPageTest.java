package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import de.buergerkonto.authserver.account.Account;

class ConsentPageTest extends EndToEndTest {

    @Test
    void consentPageWhenScopesRequestedThenGermanAccessibleFormNamingServiceAndData() {
        HttpResponse<String> page = consentPage(createAccount(), "");

        Document document = Jsoup.parse(page.body());
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(document.selectFirst("h1").text()).isEqualTo("Test-App möchte Sie anmelden");
        Element fieldset = document.selectFirst("form#consent fieldset");
        assertThat(fieldset.selectFirst("legend").text()).isEqualTo("Angaben an Test-App");
        for (Element checkbox : fieldset.select("input[type=checkbox]")) {
            assertThat(document.selectFirst("label[for=" + checkbox.id() + "]")).isNotNull();
        }
        assertThat(fieldset.select("label").eachText()).containsExactly("Ihr Name", "Ihre E-Mail-Adresse");
        assertThat(document.select("form#consent input[type=hidden][name=scope]").eachAttr("value"))
                .containsExactly("openid");
        assertThat(document.select("button[type=submit]").eachText())
                .containsExactly("Zustimmen und weiter", "Abbrechen, nichts übermitteln");
    }

    @Test
    void consentPageWhenLangEnThenEnglish() {
        HttpResponse<String> page = consentPage(createAccount(), "&lang=en");

        Document document = Jsoup.parse(page.body());
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(document.selectFirst("h1").text()).isEqualTo("Test-App would like to sign you in");
        assertThat(document.select("form#consent fieldset label").eachText())
                .containsExactly("Your name", "Your email address");
    }

    @Test
    void consentWhenEmailUncheckedThenTokenWithoutEmailScopeAndOpenidGranted() throws Exception {
        Account account = createAccount();
        CitizenBrowser browser = browser();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "profile", "email");
        HttpResponse<String> page = browser.logIn(browser.open(flow.request(endpoint("/oauth2/authorize"))),
                account.email(), PASSWORD);
        Document document = CitizenBrowser.parse(page);
        document.selectFirst("#scope-email").removeAttr("checked");

        URI callback = CitizenBrowser.redirectTarget(browser.submit(document, "form#consent", List.of()));

        OIDCTokenResponse tokens = (OIDCTokenResponse) exchange(flow,
                AuthenticationResponseParser.parse(callback).toSuccessResponse().getAuthorizationCode())
                .toSuccessResponse();
        BearerAccessToken accessToken = (BearerAccessToken) tokens.getOIDCTokens().getAccessToken();
        assertThat(accessToken.getScope().toStringList()).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void consentWhenCancelledThenAccessDeniedAtService() throws Exception {
        Account account = createAccount();
        CitizenBrowser browser = browser();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "email");
        HttpResponse<String> page = browser.logIn(browser.open(flow.request(endpoint("/oauth2/authorize"))),
                account.email(), PASSWORD);

        URI callback = CitizenBrowser.redirectTarget(browser.submit(page, "form#cancel", List.of()));

        AuthorizationErrorResponse error = AuthenticationResponseParser.parse(callback).toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
        assertThat(error.getState()).isEqualTo(flow.state());
    }

    private HttpResponse<String> consentPage(Account account, String query) {
        CitizenBrowser browser = browser();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid", "profile", "email");
        HttpResponse<String> page = browser.logIn(browser.open(flow.request(endpoint("/oauth2/authorize"))),
                account.email(), PASSWORD);
        assertThat(CitizenBrowser.isPage(page, "/oauth2/consent")).as("consent page at %s", page.uri()).isTrue();
        return query.isEmpty() ? page : browser.open(URI.create(page.uri() + query));
    }
}
