package de.buergerkonto.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API mode through the whole local system: real logins at the auth-server for {@code demo-cli},
 * the gateway on 8080 in front of the demo services on 8081–8083, the test Redis.
 * The demo services accept only what the gateway forwards with its signed assertion
 * ({@code X-Buergerkonto-Gateway}, keys at {@code /.well-known/gateway-jwks.json}).
 */
class WholeSystemApiTest extends WholeSystemTest {

    private static final String SUBSTANTIAL_OR_HIGHER = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"A different authentication level is required\", "
            + "acr_values=\"http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high\"";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void stadtNewsMeWhenCitizenTokenThroughGatewayThenPairwiseSubjectAndLevel() {
        String token = accessToken(ERIKA);
        JsonNode claims = claims(token);
        assertThat(claims.get("acr").asString()).isEqualTo("urn:buergerkonto:loa:basic");

        HttpResponse<String> response = get(LocalSystem.GATEWAY.resolve("/stadt-news/api/me"), token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.get("subject").asString()).isEqualTo(claims.get("sub").asString());
        assertThat(me.get("level").asString()).isEqualTo("basic");
        assertThat(me.get("acr").asString()).isEqualTo("urn:buergerkonto:loa:basic");
    }

    @Test
    void subjectWhenTokenIssuedThenPairwiseNotTheAccountId() {
        // the sub the services see is demo-cli's pairwise subject: never the email or a global account id
        String subject = claims(accessToken(ERIKA)).get("sub").asString();

        assertThat(subject).isNotBlank().doesNotContain("erika").doesNotContain("@");
    }

    @Test
    void bewohnerparkenMeWhenLowTokenThen401WithTheExactRfc9470Header() {
        String token = accessToken(MAX);
        assertThat(claims(token).get("acr").asString()).isEqualTo("http://eidas.europa.eu/LoA/low");

        HttpResponse<String> response = get(LocalSystem.GATEWAY.resolve("/bewohnerparken/api/me"), token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(SUBSTANTIAL_OR_HIGHER);
    }

    @Test
    void demoServiceWhenCalledDirectlyWithAValidTokenThenRefused() {
        String token = accessToken(ERIKA);

        HttpResponse<String> response = get(LocalSystem.direct(8081).resolve("/stadt-news/api/me"), token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"access_denied\"");
    }

    @Test
    void demoServicesWhenCalledDirectlyWithoutTokenThenRefusedBeforeTheToken() {
        assertThat(get(LocalSystem.direct(8082).resolve("/bewohnerparken/api/me"), null).statusCode()).isEqualTo(403);
        assertThat(get(LocalSystem.direct(8083).resolve("/e-payment/api/me"), null).statusCode()).isEqualTo(403);
    }

    /** The token's claims, read without validation: the services validate it, this only compares. */
    private JsonNode claims(String token) {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
