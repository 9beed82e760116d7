package de.buergerkonto.eidadapter.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.config.DecryptionParserPool;
import org.w3c.dom.Document;

class OpenSamlBootstrapTest {

    private static final String DOCTYPE = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"expanded\">]><r>&e;</r>";
    private static final String EXTERNAL_ENTITY =
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><r>&e;</r>";
    private static final String EXTERNAL_DTD = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:1/x.dtd\"><r/>";

    @Test
    void initializeWhenCalledTwiceThenSamePoolsAndNoReinitialization() {
        HardenedParserPool first = OpenSamlBootstrap.initialize();
        ParserPool decryption = ConfigurationService.get(DecryptionParserPool.class).getParserPool();

        HardenedParserPool second = OpenSamlBootstrap.initialize();

        assertThat(second).isSameAs(first);
        assertThat(ConfigurationService.get(DecryptionParserPool.class).getParserPool()).isSameAs(decryption);
    }

    @Test
    void initializeWhenDoneThenOpenSamlUsesTheHardenedPoolsEverywhere() {
        OpenSamlBootstrap.initialize();

        assertThat(XMLObjectProviderRegistrySupport.getParserPool()).isInstanceOf(HardenedParserPool.class);
        assertThat(ConfigurationService.get(DecryptionParserPool.class).getParserPool())
                .isInstanceOf(HardenedParserPool.class);
        assertThat(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(Response.DEFAULT_ELEMENT_NAME))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {DOCTYPE, EXTERNAL_ENTITY, EXTERNAL_DTD})
    void parseWhenDoctypeThenRefusedByTheMessagePool(String xml) {
        ParserPool pool = OpenSamlBootstrap.initialize();

        assertThatExceptionOfType(XMLParserException.class).isThrownBy(() -> parse(pool, xml));
    }

    @ParameterizedTest
    @ValueSource(strings = {DOCTYPE, EXTERNAL_ENTITY, EXTERNAL_DTD})
    void parseWhenDoctypeThenRefusedByTheDecryptionPool(String xml) {
        OpenSamlBootstrap.initialize();
        ParserPool pool = ConfigurationService.get(DecryptionParserPool.class).getParserPool();

        assertThatExceptionOfType(XMLParserException.class).isThrownBy(() -> parse(pool, xml));
    }

    @Test
    void parseWhenXIncludeThenNotFollowed() throws Exception {
        ParserPool pool = OpenSamlBootstrap.initialize();

        Document document = parse(pool, "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"file:///etc/hostname\" parse=\"text\"/></r>");

        assertThat(document.getDocumentElement().getFirstChild().getLocalName()).isEqualTo("include");
    }

    @Test
    void parseWhenWellFormedThenNamespaceAware() throws Exception {
        ParserPool pool = OpenSamlBootstrap.initialize();

        Document document = parse(pool, "<p:r xmlns:p=\"urn:x\"/>");

        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:x");
    }

    private static Document parse(ParserPool pool, String xml) throws XMLParserException {
        return pool.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
