package de.buergerkonto.eidadapter.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Response;

class SamlMessageParserTest {

    private static final String AUTHN_REQUEST = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
            + " ID=\"_abc\" Version=\"2.0\" IssueInstant=\"2024-01-24T09:42:07.652Z\"/>";

    private final SamlMessageParser parser = new SamlMessageParser();

    @Test
    void parseWhenExpectedTypeThenUnmarshalled() throws Exception {
        AuthnRequest request = parser.parse(bytes(AUTHN_REQUEST), AuthnRequest.class);

        assertThat(request.getID()).isEqualTo("_abc");
    }

    @Test
    void parseThenSerializeWhenRoundTripThenSameMessage() throws Exception {
        AuthnRequest request = parser.parse(bytes(AUTHN_REQUEST), AuthnRequest.class);

        AuthnRequest again = parser.parse(new SamlMessageSerializer().serialize(request), AuthnRequest.class);

        assertThat(again.getID()).isEqualTo("_abc");
        assertThat(again.getIssueInstant()).isEqualTo(request.getIssueInstant());
    }

    @Test
    void parseWhenAnotherTypeThenRefused() {
        assertThatExceptionOfType(SamlMessageParseException.class)
                .isThrownBy(() -> parser.parse(bytes(AUTHN_REQUEST), Response.class))
                .withMessageContaining("AuthnRequest");
    }

    @Test
    void parseWhenDoctypeThenRefusedWithoutQuotingTheInput() {
        String xml = "<!DOCTYPE r [<!ENTITY secret \"s3cr3t\">]>" + AUTHN_REQUEST;

        assertThatExceptionOfType(SamlMessageParseException.class)
                .isThrownBy(() -> parser.parse(bytes(xml), AuthnRequest.class))
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void parseWhenNotXmlThenRefused() {
        assertThatExceptionOfType(SamlMessageParseException.class)
                .isThrownBy(() -> parser.parse(bytes("not xml"), AuthnRequest.class));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
