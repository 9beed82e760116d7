package de.buergerkonto.authserver.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A relying party a browser can be sent to: an online service on 127.0.0.1 that logs its user
 * in with authorization code + PKCE through the Nimbus OAuth 2.0 SDK, validates the ID token
 * against the provider's JWKS and shows the claims on its page. It keeps its state server-side,
 * keyed by the {@code state} parameter, so it sets no cookie of its own.
 */
public final class RelyingParty implements AutoCloseable {

    private final HttpServer server;
    private final String clientId;
    private final Map<String, PendingLogin> pending = new ConcurrentHashMap<>();
    private OIDCProviderMetadata provider;

    private RelyingParty(HttpServer server, String clientId) {
        this.server = server;
        this.clientId = clientId;
    }

    /** Starts on a free port of 127.0.0.1; {@link #callback()} is the redirect URI to register. */
    public static RelyingParty start(String clientId) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            RelyingParty relyingParty = new RelyingParty(server, clientId);
            server.createContext("/start", relyingParty::startLogin);
            server.createContext("/callback", relyingParty::finishLogin);
            server.start();
            return relyingParty;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the relying party", e);
        }
    }

    /** Discovers the provider at this issuer before the first login. */
    public void trust(String issuer) {
        try {
            provider = OIDCProviderMetadata.resolve(new Issuer(issuer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new IllegalStateException("Discovery failed", e);
        }
    }

    public URI startUri() {
        return URI.create(base() + "/start");
    }

    /** Starts a login that asks for at least this level ({@code acr_values}). */
    public URI startUri(String acr) {
        return URI.create(base() + "/start?acr=" + acr);
    }

    public URI callback() {
        return URI.create(base() + "/callback");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void startLogin(HttpExchange exchange) throws IOException {
        PendingLogin login = new PendingLogin(new State(), new Nonce(), new CodeVerifier());
        pending.put(login.state().getValue(), login);
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email"), new ClientID(clientId), callback())
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(login.state())
                .nonce(login.nonce())
                .codeChallenge(login.verifier(), CodeChallengeMethod.S256);
        // /start?acr=<level>: the service needs this level (sent as acr_values)
        String query = exchange.getRequestURI().getQuery();
        if (query != null && query.startsWith("acr=")) {
            request.acrValues(List.of(new ACR(query.substring("acr=".length()))));
        }
        exchange.getResponseHeaders().add("Location", request.build().toURI().toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void finishLogin(HttpExchange exchange) throws IOException {
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(
                    URI.create(callback() + "?" + exchange.getRequestURI().getRawQuery()));
            PendingLogin login = response.getState() == null ? null : pending.remove(response.getState().getValue());
            if (login == null || !response.indicatesSuccess()) {
                respond(exchange, 400, "<h1>Anmeldung fehlgeschlagen</h1>");
                return;
            }
            AuthenticationSuccessResponse success = response.toSuccessResponse();
            TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(), new ClientID(clientId),
                    new AuthorizationCodeGrant(success.getAuthorizationCode(), callback(), login.verifier()));
            OIDCTokenResponse tokens = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send())
                    .toSuccessResponse() instanceof OIDCTokenResponse oidc ? oidc : null;
            if (tokens == null) {
                respond(exchange, 502, "<h1>Token-Anfrage fehlgeschlagen</h1>");
                return;
            }
            IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), new ClientID(clientId),
                    JWSAlgorithm.RS256, provider.getJWKSetURI().toURL());
            IDTokenClaimsSet claims = validator.validate(tokens.getOIDCTokens().getIDToken(), login.nonce());
            respond(exchange, 200, "<h1>Angemeldet beim Testdienst</h1>"
                    + "<p id=\"sub\">" + claims.getSubject().getValue() + "</p>"
                    + "<p id=\"acr\">" + claims.getACR().getValue() + "</p>"
                    + "<p id=\"amr\">" + claims.getAMR() + "</p>");
        } catch (ParseException | com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            respond(exchange, 400, "<h1>Antwort des Anbieters ungültig</h1><p id=\"problem\">" + e.getMessage() + "</p>");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] html = ("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Testdienst</title></head><body>"
                + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, html.length);
        exchange.getResponseBody().write(html);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record PendingLogin(State state, Nonce nonce, CodeVerifier verifier) {
    }
}
