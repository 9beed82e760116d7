package de.buergerkonto.authserver.oidc;

import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.authserver.testing.AuthenticatorApp;
import de.buergerkonto.authserver.secondfactor.totp.TotpFactors;
import de.buergerkonto.authserver.secondfactor.totp.Totp;
import de.buergerkonto.authserver.account.AccountStatus;
import java.time.Clock;
import java.security.SecureRandom;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;

/**
 * The server over real HTTP with the real Redis, the Nimbus OAuth SDK as the relying party and
 * {@link CitizenBrowser} as the citizen. The clients are declared in the test
 * {@code application-default.yml}; every test makes its own account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EndToEndTest {

    static final ClientID PUBLIC_CLIENT = new ClientID("test-public");
    static final URI PUBLIC_REDIRECT = URI.create("http://127.0.0.1:8765/callback");
    static final URI PUBLIC_POST_LOGOUT = URI.create("http://127.0.0.1:8765/logged-out");
    static final ClientID CONFIDENTIAL_CLIENT = new ClientID("test-confidential");
    static final Secret CONFIDENTIAL_SECRET = new Secret("demo-only-test-confidential-secret");
    static final URI CONFIDENTIAL_REDIRECT = URI.create("https://service.example/callback");
    static final String PASSWORD = "korrekt Pferd Batterie Heftklammer";

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TotpFactors totpFactors;

    @Autowired
    Clock clock;

    URI issuer() {
        return URI.create("http://localhost:" + port);
    }

    URI endpoint(String path) {
        return issuer().resolve(path);
    }

    CitizenBrowser browser() {
        return new CitizenBrowser(issuer());
    }

    Account createAccount() {
        String id = UUID.randomUUID().toString();
        Account account = Account.selfRegistered(id, "citizen-" + id + "@example.org",
                passwordEncoder.encode(PASSWORD), Instant.now()).withEmailVerified();
        assertThat(accounts.create(account)).isTrue();
        return account;
    }

    /** A verified account with the given identity proofing (HIGH stands in for the eID until it lands). */
    Account account(AssuranceLevel proofing) {
        String id = UUID.randomUUID().toString();
        Account account = new Account(id, "citizen-" + id + "@example.org", passwordEncoder.encode(PASSWORD), true,
                proofing, AccountStatus.ACTIVE, clock.instant());
        assertThat(accounts.create(account)).isTrue();
        return account;
    }

    /** A TOTP factor stored directly, as the enrolment page would after the first code (some steps ago). */
    AuthenticatorApp enrolledApp(Account account) {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        totpFactors.add(account.id(), "Authenticator-App", secret, Totp.step(clock.instant()) - 5);
        return AuthenticatorApp.withSecret(secret);
    }

    /** One run of the code flow with PKCE, as the relying party starts it. */
    record CodeFlow(ClientID client, URI redirectUri, State state, Nonce nonce, CodeVerifier verifier, Scope scope) {

        static CodeFlow start(ClientID client, URI redirectUri, String... scopes) {
            return new CodeFlow(client, redirectUri, new State(), new Nonce(), new CodeVerifier(), new Scope(scopes));
        }

        URI request(URI authorizationEndpoint) {
            return new AuthenticationRequest.Builder(ResponseType.CODE, scope, client, redirectUri)
                    .endpointURI(authorizationEndpoint)
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .build()
                    .toURI();
        }
    }

    AuthorizationCode authorize(CitizenBrowser browser, CodeFlow flow, Account account) throws ParseException {
        URI callback = browser.authorize(flow.request(endpoint("/oauth2/authorize")), account.email(), PASSWORD);
        AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
        assertThat(response.indicatesSuccess()).as("authorization response %s", callback).isTrue();
        assertThat(response.getState()).isEqualTo(flow.state());
        return response.toSuccessResponse().getAuthorizationCode();
    }

    TokenResponse exchange(CodeFlow flow, AuthorizationCode code) throws IOException, ParseException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, flow.redirectUri(), flow.verifier());
        TokenRequest request = flow.client().equals(CONFIDENTIAL_CLIENT)
                ? new TokenRequest(endpoint("/oauth2/token"), confidentialClient(), grant)
                : new TokenRequest(endpoint("/oauth2/token"), flow.client(), grant);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    OIDCTokenResponse loginAndExchange(CodeFlow flow, Account account) throws IOException, ParseException {
        TokenResponse response = exchange(flow, authorize(browser(), flow, account));
        assertThat(response.indicatesSuccess()).as("token response %s", response).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    static ClientAuthentication confidentialClient() {
        return new ClientSecretBasic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET);
    }

    TokenIntrospectionSuccessResponse introspect(Token token) throws IOException, ParseException {
        HTTPResponse http = new TokenIntrospectionRequest(endpoint("/oauth2/introspect"), confidentialClient(), token)
                .toHTTPRequest().send();
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(http);
        assertThat(response.indicatesSuccess()).as("introspection %s %s", http.getStatusCode(), http.getBody())
                .isTrue();
        return response.toSuccessResponse();
    }
}
