package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.web.util.UriComponentsBuilder;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.eid.LinkedCards;
import de.buergerkonto.authserver.eid.VerifiedIdentity;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.authserver.testing.EidCards;
import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.eidhandover.HandoverClaims;
import de.buergerkonto.eidhandover.Purpose;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The card and an existing account: proving a self-registered account's identity, the step-up
 * to high with the linked card, the refusal of any other card (never a merge, always audited),
 * and the explicit relink of a new card.
 */
@ExtendWith(OutputCaptureExtension.class)
class EidLinkingTest extends EidEndToEndTest {

    private static final String OUT_OF_REACH_PAGE = "/login/level-out-of-reach";

    @Test
    void proveWhenSelfRegisteredThenCardLinkedAttributesStoredAndProvenHigh(CapturedOutput log) {
        Account account = account(AssuranceLevel.BASIC);
        CitizenBrowser browser = loggedIn(account);
        CardIdentity card = EidCards.erika(clock);

        HttpResponse<String> home = prove(browser, card);

        assertLoggedIn(home);
        assertThat(CitizenBrowser.parse(home).getElementById("identity-proven")).isNotNull();
        assertThat(CitizenBrowser.parse(home).getElementById("trust-level").text()).contains("hoch");
        assertThat(accounts.findById(account.id()).orElseThrow().identityProofing()).isEqualTo(AssuranceLevel.HIGH);
        LinkedCards links = new LinkedCards(context);
        assertThat(links.accountOf(card.restrictedId())).contains(account.id());
        VerifiedIdentity verified = links.verifiedIdentity(account.id()).orElseThrow();
        assertThat(verified.source()).isEqualTo("eID");
        assertThat(verified.verifiedAt()).isEqualTo(card.verifiedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(verified.givenName()).isEqualTo("ERIKA");
        assertThat(verified.familyName()).isEqualTo("MUSTERMANN");
        assertThat(verified.birthdate()).isEqualTo("1964-08-12");
        assertThat(verified.placeOfBirth()).containsEntry(HandoverClaims.FORMATTED, "BERLIN");
        assertThat(verified.address()).containsEntry(HandoverClaims.POSTAL_CODE, "51147");
        assertThat(verified.nationality()).isEqualTo("D");
        assertThat(verified.documentType()).isEqualTo("ID");
        assertThat(verified.issuingState()).isEqualTo("D");
        assertThat(verified.cardPseudonym()).doesNotContain(card.restrictedId());
        assertThat(log.getOut()).contains("eid-card-linked").doesNotContain(card.restrictedId());
    }

    @Test
    void proveWhenCardLinkedToAnotherAccountThenRefusedAuditedAndNothingChanged(CapturedOutput log) {
        CardIdentity card = EidCards.erika(clock);
        Account first = account(AssuranceLevel.BASIC);
        assertLoggedIn(prove(loggedIn(first), card));
        Account second = account(AssuranceLevel.BASIC);

        HttpResponse<String> refused = prove(loggedIn(second), card);

        assertRefused(refused, 409, "card-of-another-account");
        assertThat(accounts.findById(second.id()).orElseThrow().identityProofing()).isEqualTo(AssuranceLevel.BASIC);
        assertThat(new LinkedCards(context).accountOf(card.restrictedId())).contains(first.id());
        assertThat(log.getOut()).contains("eid-card-link-refused");
    }

    @Test
    void authorizeHighWhenCardLinkedThenAskedForTheCardAndIdTokenHigh() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CardIdentity card = EidCards.erika(clock);
        assertLoggedIn(prove(loggedIn(account), card));
        CitizenBrowser browser = loggedIn(account);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        URI adapter = CitizenBrowser.redirectTarget(browser.open(requestingEssential(flow, AssuranceLevel.HIGH, null)));

        assertThat(adapter.getPath()).isEqualTo("/eid/start");
        assertThat(query(adapter, "purpose")).isEqualTo("login");
        HttpResponse<String> back = postToken(browser, EidCards.token(sameCard(card), Purpose.LOGIN, query(adapter, "state"), clock));
        assertThat(outcome(flow, backToService(browser, back))).isEqualTo("high");
    }

    @Test
    void authorizeHighWhenCardLinkedAndPromptNoneThenInteractionRequired() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        assertLoggedIn(prove(loggedIn(account), EidCards.erika(clock)));
        CitizenBrowser browser = loggedIn(account);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");

        URI callback = CitizenBrowser.redirectTarget(browser.open(requestingEssential(flow, AssuranceLevel.HIGH, "none")));

        assertThat(outcome(flow, callback)).isEqualTo("interaction_required");
    }

    @Test
    void stepUpWhenAnotherCardThenRefusedAuditedNeverMerged(CapturedOutput log) throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CardIdentity card = EidCards.erika(clock);
        assertLoggedIn(prove(loggedIn(account), card));
        CitizenBrowser browser = loggedIn(account);
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        URI adapter = CitizenBrowser.redirectTarget(browser.open(requestingEssential(flow, AssuranceLevel.HIGH, null)));
        CardIdentity otherCard = EidCards.erika(clock);

        HttpResponse<String> refused = postToken(browser,
                EidCards.token(otherCard, Purpose.LOGIN, query(adapter, "state"), clock));

        assertRefused(refused, 409, "not-the-linked-card");
        assertThat(log.getOut()).contains("eid-card-mismatch");
        assertThat(new LinkedCards(context).accountOf(otherCard.restrictedId())).isEmpty();
        assertThat(new LinkedCards(context).accountOf(card.restrictedId())).contains(account.id());
        Document home = CitizenBrowser.parse(browser.open(endpoint("/")));
        assertThat(home.getElementById("trust-level").text()).as("the password login stays").doesNotContain("hoch");
    }

    @Test
    void authorizeHighWhenNoCardLinkedThenOutOfReachPageOffersTheProofWhichContinuesTheRequest() throws Exception {
        Account account = account(AssuranceLevel.BASIC);
        CitizenBrowser browser = browser();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        HttpResponse<String> page = browser.logIn(browser.open(requestingEssential(flow, AssuranceLevel.HIGH, null)),
                account.email(), PASSWORD);
        assertThat(CitizenBrowser.isPage(page, OUT_OF_REACH_PAGE)).as("out-of-reach page, got %s", page.uri()).isTrue();

        URI adapter = CitizenBrowser.redirectTarget(browser.submit(page, "form#prove-identity", List.of()));
        assertThat(query(adapter, "purpose")).isEqualTo("proof");
        HttpResponse<String> back = postToken(browser,
                EidCards.token(EidCards.erika(clock), Purpose.PROOF, query(adapter, "state"), clock));

        assertThat(outcome(flow, backToService(browser, back))).isEqualTo("high");
    }

    @Test
    void relinkWhenNoRecentSecondFactorThenThePageAsksForItFirst() {
        Account account = account(AssuranceLevel.BASIC);
        enrolledApp(account);
        assertLoggedIn(prove(loggedIn(account), EidCards.erika(clock)));

        Document page = CitizenBrowser.parse(loggedIn(account).open(endpoint("/account/identity/eid/relink")));

        assertThat(page.getElementById("needs-recent-second-factor")).isNotNull();
        assertThat(page.getElementById("relink")).isNull();
    }

    @Test
    void relinkWhenRecentSecondFactorAndSamePersonThenNewCardReplacesTheOld(CapturedOutput log) {
        Account account = account(AssuranceLevel.BASIC);
        AuthenticatorApp app = enrolledApp(account);
        CardIdentity oldCard = EidCards.erika(clock);
        assertLoggedIn(prove(loggedIn(account), oldCard));
        CardIdentity newCard = EidCards.erika(clock);

        HttpResponse<String> home = relink(loggedInWithSecondFactor(account, app), newCard);

        assertLoggedIn(home);
        LinkedCards links = new LinkedCards(context);
        assertThat(links.accountOf(newCard.restrictedId())).contains(account.id());
        assertThat(links.accountOf(oldCard.restrictedId())).as("the old card's link is released").isEmpty();
        assertThat(log.getOut()).contains("eid-card-relinked");
    }

    @Test
    void relinkWhenNamesOrBirthDateDifferThenRefusedAndTheOldCardStays(CapturedOutput log) {
        Account account = account(AssuranceLevel.BASIC);
        AuthenticatorApp app = enrolledApp(account);
        CardIdentity oldCard = EidCards.erika(clock);
        assertLoggedIn(prove(loggedIn(account), oldCard));
        CardIdentity someoneElse = EidCards.person(EidCards.newPseudonym(), "ERIKA", "MUSTERMANN", "1965-08-12", clock);

        HttpResponse<String> refused = relink(loggedInWithSecondFactor(account, app), someoneElse);

        assertRefused(refused, 409, "not-the-same-person");
        LinkedCards links = new LinkedCards(context);
        assertThat(links.accountOf(oldCard.restrictedId())).contains(account.id());
        assertThat(links.accountOf(someoneElse.restrictedId())).isEmpty();
        assertThat(log.getOut()).contains("eid-card-relink-refused");
    }

    @Test
    void relinkWhenNewCardBelongsToAnotherAccountThenRefused() {
        Account other = account(AssuranceLevel.BASIC);
        CardIdentity othersCard = EidCards.erika(clock);
        assertLoggedIn(prove(loggedIn(other), othersCard));
        Account account = account(AssuranceLevel.BASIC);
        AuthenticatorApp app = enrolledApp(account);
        assertLoggedIn(prove(loggedIn(account), EidCards.erika(clock)));

        HttpResponse<String> refused = relink(loggedInWithSecondFactor(account, app), sameCard(othersCard));

        assertRefused(refused, 409, "card-of-another-account");
        assertThat(new LinkedCards(context).accountOf(othersCard.restrictedId())).contains(other.id());
    }

    private CitizenBrowser loggedIn(Account account) {
        CitizenBrowser browser = browser();
        assertLoggedIn(browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD));
        return browser;
    }

    private CitizenBrowser loggedInWithSecondFactor(Account account, AuthenticatorApp app) {
        CitizenBrowser browser = loggedIn(account);
        HttpResponse<String> form = browser.open(endpoint("/login/second-factor"));
        assertLoggedIn(browser.submit(form, "form[action=/login/second-factor]",
                List.of(Map.entry("code", app.codeAt(clock.instant())))));
        return browser;
    }

    /** The account page's "prove my identity", the adapter (the writer), the callback. */
    private HttpResponse<String> prove(CitizenBrowser browser, CardIdentity card) {
        URI adapter = CitizenBrowser.redirectTarget(browser.submit(browser.open(endpoint("/")), "form#prove-identity",
                List.of()));
        assertThat(query(adapter, "purpose")).isEqualTo("proof");
        return postToken(browser, EidCards.token(card, Purpose.PROOF, query(adapter, "state"), clock));
    }

    private HttpResponse<String> relink(CitizenBrowser browser, CardIdentity card) {
        URI adapter = CitizenBrowser.redirectTarget(browser.submit(browser.open(endpoint("/account/identity/eid/relink")),
                "form#relink", List.of()));
        assertThat(query(adapter, "purpose")).isEqualTo("proof");
        return postToken(browser, EidCards.token(card, Purpose.PROOF, query(adapter, "state"), clock));
    }

    /** The same card read again (the same pseudonym). */
    private CardIdentity sameCard(CardIdentity card) {
        return EidCards.person(card.restrictedId(), card.givenName().orElseThrow(), card.familyName().orElseThrow(),
                card.birthdate().orElseThrow(), clock);
    }

    private static String query(URI uri, String name) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
    }
}
