package de.buergerkonto.demoservices.epayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.buergerkonto.demoservices.DemoServiceApplication;
import de.buergerkonto.demoservices.testing.ServiceClient;
import de.buergerkonto.demoservices.testing.Upstreams;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** E-Payment (high): substantial is not enough; a paid fee gets a receipt with the verified name. */
@SpringBootTest(classes = DemoServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@ActiveProfiles("e-payment")
class EPaymentOverHttpTest {

    static final Upstreams upstreams = new Upstreams();
    static final String ROUTE = "e-payment";
    static final Map<String, Object> NAME = Map.of("given_name", "ERIKA", "family_name", "MUSTERMANN");

    @LocalServerPort
    int port;

    private final String subject = "pairwise-" + UUID.randomUUID();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("buergerkonto.demo-service.issuer", upstreams::issuer);
        registry.add("buergerkonto.demo-service.gateway.jwks-uri", upstreams::gatewayJwksUri);
    }

    @AfterAll
    static void stopUpstreams() {
        upstreams.close();
    }

    @Test
    void meWhenSubstantialTokenThen401AskingForHigh() {
        HttpResponse<String> response = new ServiceClient(port).get("/e-payment/api/me",
                upstreams.accessToken(subject, AssuranceLevel.SUBSTANTIAL), upstreams.assertion(ROUTE, subject, NAME));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer error=\"insufficient_user_authentication\", "
                + "error_description=\"A different authentication level is required\", acr_values=\"http://eidas.europa.eu/LoA/high\"");
    }

    @Test
    void meWhenHighTokenThenGrantedWithTheName() {
        HttpResponse<String> response = new ServiceClient(port).get("/e-payment/api/me",
                upstreams.accessToken(subject, AssuranceLevel.HIGH), upstreams.assertion(ROUTE, subject, NAME));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"level\":\"high\"", "\"family_name\":\"MUSTERMANN\"");
    }

    @Test
    void payWhenFeeChosenThenReceiptWithAmountAndVerifiedName() {
        HttpResponse<String> response = new ServiceClient(port).post("/e-payment/payment",
                upstreams.accessToken(subject, AssuranceLevel.HIGH), upstreams.assertion(ROUTE, subject, NAME),
                Map.of("fee", "PARKING_PERMIT", "lang", "de"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Document receipt = Jsoup.parse(response.body());
        assertThat(receipt.selectFirst("#receipt-number").text()).matches("EP-[0-9A-F]{12}");
        assertThat(receipt.selectFirst("#amount").text()).isEqualTo("30,00 €");
        assertThat(receipt.selectFirst("#payer").text()).isEqualTo("ERIKA MUSTERMANN");
        assertThat(receipt.selectFirst("#level").text()).isEqualTo("hoch");
    }

    @Test
    void payWhenNoFeeChosenThenErrorLinkedToTheChoice() {
        HttpResponse<String> response = new ServiceClient(port).post("/e-payment/payment",
                upstreams.accessToken(subject, AssuranceLevel.HIGH), upstreams.assertion(ROUTE, subject, NAME),
                Map.of("lang", "en"));

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".error-summary a").text()).isEqualTo("Please choose a fee.");
        assertThat(page.select("#receipt")).isEmpty();
    }
}
