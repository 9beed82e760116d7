package de.buergerkonto.authserver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Element;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** Steps of the second-factor pages that many tests share, driven through the real pages. */
public final class SecondFactorSteps {

    public static final String ENROL_PATH = "/account/second-factors/totp/new";
    public static final String VERIFY_PATH = "/login/second-factor";

    private SecondFactorSteps() {
    }

    /** An account that can log in with {@link Citizens#PASSWORD}, its identity proven as given. */
    public static Account createAccount(AccountRepository accounts, PasswordEncoder passwordEncoder,
            AssuranceLevel identityProofing) {
        String id = UUID.randomUUID().toString();
        Account account = new Account(id, Citizens.newEmail("factor"), passwordEncoder.encode(Citizens.PASSWORD), true,
                identityProofing, AccountStatus.ACTIVE, Instant.now());
        assertThat(accounts.create(account)).isTrue();
        return account;
    }

    /** Opens the enrolment page, types the manual key into the app and confirms with its current code. */
    public static Enrolment enrolTotp(Browser browser, Instant now) {
        Page form = browser.get(ENROL_PATH);
        Element key = form.document().getElementById("manual-key");
        assertThat(key).as("manual key on %s: %s", form.path(), form.mainText()).isNotNull();
        AuthenticatorApp app = AuthenticatorApp.fromManualKey(key.text());
        Page result = browser.submit(form, "form#enrol", Map.of("code", app.codeAt(now)));
        List<String> codes = result.document().select("#recovery-codes code").eachText();
        return new Enrolment(app, result, codes);
    }

    /** Submits a code on the second-factor step and returns the page the browser lands on. */
    public static Page confirm(Browser browser, String code) {
        Page form = browser.get(VERIFY_PATH);
        return browser.submit(form, "form[action=" + VERIFY_PATH + "]", Map.of("code", code));
    }

    public static String trustLevel(Page home) {
        return home.document().getElementById("trust-level").text();
    }

    /** What an enrolment left: the app, the page after confirming, and the recovery codes it showed (if any). */
    public record Enrolment(AuthenticatorApp app, Page page, List<String> recoveryCodes) {
    }
}
