package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.authserver.testing.MutableClock;
import de.buergerkonto.authserver.testing.MutableClockConfig;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** A substantial login (2 h at most) can be refreshed just before its level ends, not after. */
@Import(MutableClockConfig.class)
class RefreshPastLevelLifetimeTest extends EndToEndTest {

    @Autowired
    MutableClock clock;

    @Test
    void refreshWhenSubstantialLoginOlderThanTwoHoursThenInvalidGrantAndBeforeThatRotated() throws Exception {
        Account account = account(AssuranceLevel.HIGH);
        AuthenticatorApp app = enrolledApp(account);
        CitizenBrowser browser = browser();
        browser.logIn(browser.open(endpoint("/login")), account.email(), PASSWORD);
        browser.submit(browser.open(endpoint("/login/second-factor")), "form[action=/login/second-factor]",
                List.of(Map.entry("code", app.codeAt(clock.instant()))));
        Instant loggedIn = clock.instant();
        CodeFlow flow = CodeFlow.start(PUBLIC_CLIENT, PUBLIC_REDIRECT, "openid");
        OIDCTokenResponse tokens = (OIDCTokenResponse) exchange(flow, authorize(browser, flow, account))
                .toSuccessResponse();

        clock.set(loggedIn.plus(Duration.ofHours(2)).minusSeconds(5));
        TokenResponse beforeEnd = refresh(tokens.getTokens().getRefreshToken());
        assertThat(beforeEnd.indicatesSuccess()).as("refresh before the level ends: %s", beforeEnd).isTrue();

        clock.set(loggedIn.plus(Duration.ofHours(2)).plusSeconds(1));
        TokenResponse afterEnd = refresh(beforeEnd.toSuccessResponse().getTokens().getRefreshToken());
        assertThat(afterEnd.indicatesSuccess()).isFalse();
        TokenErrorResponse refused = afterEnd.toErrorResponse();
        assertThat(refused.getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(refused.getErrorObject().getDescription()).contains("trust level of this login has expired");
    }

    private TokenResponse refresh(RefreshToken token) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(endpoint("/oauth2/token"), PUBLIC_CLIENT,
                new RefreshTokenGrant(token)).toHTTPRequest().send());
    }
}
