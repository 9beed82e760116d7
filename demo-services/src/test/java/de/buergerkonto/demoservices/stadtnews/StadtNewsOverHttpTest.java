package de.buergerkonto.demoservices.stadtnews;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

/** Stadt-App news (basic): any citizen's login passes; the news follow the topics the citizen chose. */
@SpringBootTest(classes = DemoServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@ActiveProfiles("stadt-news")
class StadtNewsOverHttpTest {

    static final Upstreams upstreams = new Upstreams();
    static final String ROUTE = "stadt-news";

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
    void meWhenBasicTokenThroughGatewayThenGrantedWithNoAttributes() {
        HttpResponse<String> response = new ServiceClient(port).get("/stadt-news/api/me",
                upstreams.accessToken(subject, AssuranceLevel.BASIC), upstreams.assertion(ROUTE, subject, Map.of()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"" + subject + "\"", "\"level\":\"basic\"",
                "\"acr\":\"urn:buergerkonto:loa:basic\"", "\"attributes\":{}");
    }

    @Test
    void meWhenAssertionForBewohnerparkenThen403() {
        HttpResponse<String> response = new ServiceClient(port).get("/stadt-news/api/me",
                upstreams.accessToken(subject, AssuranceLevel.HIGH), upstreams.assertion("bewohnerparken", subject, Map.of()));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void pageWhenNewCitizenThenEveryTopicFollowedAndNewsListed() {
        Document page = page("/stadt-news/");

        assertThat(page.selectFirst("#level").text()).isEqualTo("Basis");
        assertThat(page.select("input[name=topic][checked]")).hasSize(NewsTopic.values().length);
        assertThat(page.select("article.news-item")).hasSize(6);
    }

    @Test
    void topicsWhenChosenThenOnlyTheirNewsForThisCitizenAndInEnglishOnRequest() {
        HttpResponse<String> saved = new ServiceClient(port).post("/stadt-news/topics",
                upstreams.accessToken(subject, AssuranceLevel.BASIC), upstreams.assertion(ROUTE, subject, Map.of()),
                Map.of("topic", "TRAFFIC", "lang", "en"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValue("/stadt-news/?lang=en");
        Document page = page("/stadt-news/?lang=en");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("article.news-item h3")).extracting(Element::text).containsExactly(
                "Bridge over the Volme open again from Monday", "New bus line to the main station");
        assertThat(page.select("input[name=topic][checked]")).extracting(input -> input.attr("value")).containsExactly("TRAFFIC");
    }

    private Document page(String path) {
        HttpResponse<String> response = new ServiceClient(port).page(path,
                upstreams.accessToken(subject, AssuranceLevel.BASIC), upstreams.assertion(ROUTE, subject, Map.of()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }
}
