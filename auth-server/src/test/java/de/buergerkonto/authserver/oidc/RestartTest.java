package de.buergerkonto.authserver.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import de.buergerkonto.authserver.AuthServerApplication;
import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.keys.SigningKeys;

/** Everything that matters survives a restart, because it lives in Redis, not in the process. */
class RestartTest {

    @Test
    void restartWhenSameRedisThenAccountClientKeysAndTokensStillValid() throws Exception {
        Account account;
        String keyId;
        String clientInternalId;
        AccessToken accessToken;
        try (ConfigurableApplicationContext first = start()) {
            account = createAccount(first);
            keyId = first.getBean(SigningKeys.class).activeKeyId();
            clientInternalId = first.getBean(RegisteredClientRepository.class)
                    .findByClientId(EndToEndTest.PUBLIC_CLIENT.getValue()).getId();
            accessToken = logIn(first, account).getOIDCTokens().getAccessToken();
        }

        try (ConfigurableApplicationContext second = start()) {
            RegisteredClient client = second.getBean(RegisteredClientRepository.class)
                    .findByClientId(EndToEndTest.PUBLIC_CLIENT.getValue());
            assertThat(client.getId()).isEqualTo(clientInternalId);

            JWKSet published = JWKSet.load(base(second).resolve("/oauth2/jwks").toURL());
            assertThat(published.getKeyByKeyId(keyId)).isNotNull();
            SignedJWT oldToken = SignedJWT.parse(accessToken.getValue());
            assertThat(oldToken.getHeader().getKeyID()).isEqualTo(keyId);
            assertThat(oldToken.verify(new RSASSAVerifier((RSAKey) published.getKeyByKeyId(keyId)))).isTrue();
            assertThat(introspect(second, accessToken).isActive()).isTrue();

            assertThat(logIn(second, account).getOIDCTokens().getIDToken()).isNotNull();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1")
                .run();
    }

    private static URI base(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port);
    }

    private static Account createAccount(ConfigurableApplicationContext context) {
        String id = UUID.randomUUID().toString();
        Account account = Account.selfRegistered(id, "restart-" + id + "@example.org",
                context.getBean(PasswordEncoder.class).encode(EndToEndTest.PASSWORD), Instant.now())
                .withEmailVerified();
        assertThat(context.getBean(AccountRepository.class).create(account)).isTrue();
        return account;
    }

    private static OIDCTokenResponse logIn(ConfigurableApplicationContext context, Account account) throws Exception {
        URI base = base(context);
        EndToEndTest.CodeFlow flow = EndToEndTest.CodeFlow.start(EndToEndTest.PUBLIC_CLIENT,
                EndToEndTest.PUBLIC_REDIRECT, "openid");
        URI callback = new CitizenBrowser(base).authorize(flow.request(base.resolve("/oauth2/authorize")),
                account.email(), EndToEndTest.PASSWORD);
        TokenRequest request = new TokenRequest(base.resolve("/oauth2/token"), flow.client(),
                new AuthorizationCodeGrant(AuthenticationResponseParser.parse(callback).toSuccessResponse()
                        .getAuthorizationCode(), flow.redirectUri(), flow.verifier()));
        return (OIDCTokenResponse) OIDCTokenResponseParser.parse(request.toHTTPRequest().send()).toSuccessResponse();
    }

    private static TokenIntrospectionSuccessResponse introspect(
            ConfigurableApplicationContext context, AccessToken token) throws Exception {
        return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(base(context).resolve("/oauth2/introspect"),
                EndToEndTest.confidentialClient(), token).toHTTPRequest().send()).toSuccessResponse();
    }
}
