package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.eid.LinkedCards;
import de.buergerkonto.authserver.testing.EidCards;
import de.buergerkonto.authserver.testing.SecondFactorSteps;
import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.eidhandover.Purpose;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Logging in with the ID card: the login page's link to the eID adapter, the callback with a
 * handover token written as the adapter writes it (demo keys of the test configuration), the
 * account it creates or finds, and the tokens a service gets. Every refusal of the callback.
 */
class EidLoginTest extends EidEndToEndTest {

    @Test
    void loginPageWhenEidConfiguredThenOffersTheIdCardAndSendsToTheAdapterWithState() {
        CitizenBrowser browser = browser();
        HttpResponse<String> login = browser.open(endpoint("/login"));
        assertThat(CitizenBrowser.parse(login).selectFirst("a#eid-login-link").attr("href")).isEqualTo("/login/eid");

        URI adapter = CitizenBrowser.redirectTarget(browser.open(endpoint("/login/eid")));

        assertThat(adapter.getPath()).isEqualTo("/eid/start");
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(adapter).build().getQueryParams();
        assertThat(query.get("return")).containsExactly("http://localhost:9000/login/eid/callback");
        assertThat(query.get("purpose")).containsExactly("login");
        assertThat(query.get("state").get(0)).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void callbackWhenNewCardThenAccountProvenHighWithoutEmailAndIdTokenAcrHighAmrCardPinMfa() throws Exception {
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        CardIdentity card = EidCards.erika(clock);

        JWTClaimsSet idToken = logInWithCard(flow, card).getOIDCTokens().getIDToken().getJWTClaimsSet();

        assertThat(idToken.getStringClaim("acr")).isEqualTo(AssuranceLevel.HIGH.acr());
        assertThat(idToken.getStringListClaim("amr")).containsExactly("pin", "sc", "mfa");
        assertThat(idToken.getDateClaim("auth_time").toInstant()).isCloseTo(clock.instant(), within());
        Account account = accountOf(card);
        assertThat(account.hasEmail()).isFalse();
        assertThat(account.passwordHash()).isNull();
        assertThat(account.identityProofing()).isEqualTo(AssuranceLevel.HIGH);
    }

    @Test
    void callbackWhenTheSameCardAgainThenTheSameAccount() throws Exception {
        CardIdentity card = EidCards.erika(clock);
        String first = logInWithCard(CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid"), card)
                .getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();

        String second = logInWithCard(CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid"),
                EidCards.person(card.restrictedId(), "ERIKA", "MUSTERMANN", "1964-08-12", clock))
                .getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();

        assertThat(second).isEqualTo(first);
        String other = logInWithCard(CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid"), EidCards.erika(clock))
                .getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();
        assertThat(other).as("another card is another account").isNotEqualTo(first);
    }

    @Test
    void accountPageWhenCreatedByTheCardThenEmailAndPasswordCanBeAddedAndMustBeVerified() {
        CitizenBrowser browser = browser();
        CardIdentity card = EidCards.erika(clock);
        HttpResponse<String> home = postToken(browser, EidCards.token(card, Purpose.LOGIN, startCardLogin(browser), clock));
        assertLoggedIn(home);
        assertThat(CitizenBrowser.parse(home).getElementById("add-email-password")).isNotNull();
        String email = "card-" + card.restrictedId().substring(0, 12) + "@example.org";

        HttpResponse<String> sent = browser.submit(browser.open(endpoint("/account/email-password")), "form#email-password",
                List.of(Map.entry("email", email), Map.entry("password", PASSWORD),
                        Map.entry("passwordConfirmation", PASSWORD)));

        assertThat(sent.uri().getPath()).isEqualTo("/register/check-mailbox");
        Account account = accountOf(card);
        assertThat(account.email()).isEqualTo(email);
        assertThat(account.emailVerified()).as("the password login waits for the link").isFalse();
        assertThat(passwordEncoder.matches(PASSWORD, account.passwordHash())).isTrue();
        assertThat(account.identityProofing()).isEqualTo(AssuranceLevel.HIGH);
        assertThat(accounts.findByEmail(email)).map(Account::id).contains(account.id());
    }

    @Test
    void authenticatorAppWhenAccountCreatedByTheCardThenQrCodeNamesTheIssuerInsteadOfAMissingEmail() {
        CitizenBrowser browser = browser();
        assertLoggedIn(postToken(browser, EidCards.token(EidCards.erika(clock), Purpose.LOGIN, startCardLogin(browser), clock)));

        Document page = CitizenBrowser.parse(browser.open(endpoint(SecondFactorSteps.ENROL_PATH)));

        assertThat(page.selectFirst("figure.qr figcaption").text()).doesNotContain("null").doesNotContain("()");
        assertThat(page.getElementById("otpauth-link").attr("href"))
                .startsWith("otpauth://totp/B%C3%BCrgerkonto:B%C3%BCrgerkonto?");
    }

    @Test
    void addEmailWhenTheAddressBelongsToAnotherAccountThenSamePageAndNothingChanges() {
        Account other = createAccount();
        CitizenBrowser browser = browser();
        CardIdentity card = EidCards.erika(clock);
        assertLoggedIn(postToken(browser, EidCards.token(card, Purpose.LOGIN, startCardLogin(browser), clock)));

        HttpResponse<String> sent = browser.submit(browser.open(endpoint("/account/email-password")), "form#email-password",
                List.of(Map.entry("email", other.email()), Map.entry("password", PASSWORD),
                        Map.entry("passwordConfirmation", PASSWORD)));

        assertThat(sent.uri().getPath()).isEqualTo("/register/check-mailbox");
        assertThat(accountOf(card).hasEmail()).isFalse();
        assertThat(accounts.findByEmail(other.email())).map(Account::id).contains(other.id());
    }

    @Test
    void callbackWhenTokenReplayedThenRefused() {
        CitizenBrowser browser = browser();
        String state = startCardLogin(browser);
        String token = EidCards.token(EidCards.erika(clock), Purpose.LOGIN, state, clock);
        assertLoggedIn(postToken(browser, token));

        HttpResponse<String> replayed = postToken(browser(), token);

        assertRefused(replayed, 400, "invalid-answer");
    }

    @Test
    void callbackWhenStateNotIssuedToThisSessionThenRefused() {
        CitizenBrowser victim = browser();
        CitizenBrowser attacker = browser();
        String attackersState = startCardLogin(attacker);
        startCardLogin(victim);

        HttpResponse<String> foreign = postToken(victim,
                EidCards.token(EidCards.erika(clock), Purpose.LOGIN, attackersState, clock));
        HttpResponse<String> invented = postToken(victim,
                EidCards.token(EidCards.erika(clock), Purpose.LOGIN, "invented-state", clock));

        assertRefused(foreign, 400, "invalid-state");
        assertRefused(invented, 400, "invalid-state");
        assertThat(victim.open(endpoint("/")).uri().getPath()).as("nobody logged in").isEqualTo("/login");
    }

    @Test
    void callbackWhenStateUsedOnceThenTheSecondTokenForItRefused() {
        CitizenBrowser browser = browser();
        String state = startCardLogin(browser);
        assertLoggedIn(postToken(browser, EidCards.token(EidCards.erika(clock), Purpose.LOGIN, state, clock)));

        HttpResponse<String> again = postToken(browser, EidCards.token(EidCards.erika(clock), Purpose.LOGIN, state, clock));

        assertRefused(again, 400, "invalid-state");
    }

    @Test
    void callbackWhenTokenExpiredThenRefused() {
        CitizenBrowser browser = browser();
        String state = startCardLogin(browser);
        // written 60 s + 30 s skew + 1 s ago: its minute is over
        Clock past = Clock.offset(clock, Duration.ofSeconds(-91));

        HttpResponse<String> expired = postToken(browser, EidCards.token(EidCards.erika(past), Purpose.LOGIN, state, past));

        assertRefused(expired, 400, "invalid-answer");
    }

    @Test
    void callbackWhenTokenForAnotherAudienceThenRefused() {
        CitizenBrowser browser = browser();
        String state = startCardLogin(browser);

        HttpResponse<String> forOthers = postToken(browser,
                EidCards.token(EidCards.erika(clock), Purpose.LOGIN, state, "https://other-auth-server.example", clock));

        assertRefused(forOthers, 400, "invalid-answer");
    }

    @Test
    void callbackWhenPurposeDiffersFromTheStartedOneThenRefused() {
        CitizenBrowser browser = browser();
        String state = startCardLogin(browser);

        HttpResponse<String> proof = postToken(browser, EidCards.token(EidCards.erika(clock), Purpose.PROOF, state, clock));

        assertRefused(proof, 400, "invalid-state");
    }

    @Test
    void callbackWhenRefusedInEnglishThenEnglishPage() {
        HttpResponse<String> garbage = browser().post(endpoint(CALLBACK + "?lang=en"),
                List.of(Map.entry("handover_token", "not-a-token")));

        assertThat(CitizenBrowser.parse(garbage).selectFirst("h1").text())
                .isEqualTo("The answer of the ID card service is not valid");
    }

    @Test
    void callbackWhenGarbageThenRefusedWithoutDetails() {
        HttpResponse<String> garbage = postToken(browser(), "not-a-token");

        assertRefused(garbage, 400, "invalid-answer");
        assertThat(garbage.body()).doesNotContain("Exception").doesNotContain("JWE");
    }

}
