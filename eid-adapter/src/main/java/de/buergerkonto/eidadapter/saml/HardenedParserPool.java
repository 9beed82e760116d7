package de.buergerkonto.eidadapter.saml;

import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;

/**
 * The one way this module parses XML: OpenSAML's {@link BasicParserPool} with every feature an
 * attacker could use switched off explicitly, rather than relying on the library defaults staying
 * what they are today.
 *
 * <p>No DOCTYPE at all ({@code disallow-doctype-decl}): SAML messages have no use for one (SAML
 * core 1.3.5 / XML signature guidance), so refusing it removes XXE, entity expansion ("billion
 * laughs") and DTD-declared ID attributes in one rule. External entities, external DTDs, XInclude
 * and entity-reference expansion are off in addition, for defence in depth.
 */
public final class HardenedParserPool extends BasicParserPool {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    /** OpenSAML's decrypter needs it off: deferred node expansion breaks adopting decrypted nodes. */
    private static final String DEFER_NODE_EXPANSION = "http://apache.org/xml/features/dom/defer-node-expansion";

    private static final int MAX_POOL_SIZE = 50;

    private HardenedParserPool(Map<String, Boolean> features) {
        setMaxPoolSize(MAX_POOL_SIZE);
        setBuilderFeatures(features);
        setBuilderAttributes(Map.of(
                XMLConstants.ACCESS_EXTERNAL_DTD, "",
                XMLConstants.ACCESS_EXTERNAL_SCHEMA, ""));
        setNamespaceAware(true);
        setExpandEntityReferences(false);
        setXincludeAware(false);
        setDTDValidating(false);
        setIgnoreComments(true);
        setErrorHandler(new SilentErrorHandler());
        try {
            initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("The hardened XML parser pool could not be initialized", e);
        }
    }

    /** The pool for received protocol messages. */
    public static HardenedParserPool forMessages() {
        return new HardenedParserPool(hardenedFeatures());
    }

    /** The pool OpenSAML's {@code Decrypter} parses decrypted assertions with. */
    public static HardenedParserPool forDecryption() {
        Map<String, Boolean> features = hardenedFeatures();
        features.put(DEFER_NODE_EXPANSION, Boolean.FALSE);
        return new HardenedParserPool(features);
    }

    /**
     * Fails the parse without logging: what we parse is attacker-controlled, so the default
     * handler's ERROR line per bad message would be log noise an attacker controls. The caller
     * reports the refusal once.
     */
    private static final class SilentErrorHandler implements ErrorHandler {

        @Override
        public void warning(SAXParseException exception) {
            // a warning does not stop the parse and says nothing the refusal would need
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }

    private static Map<String, Boolean> hardenedFeatures() {
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE);
        features.put(DISALLOW_DOCTYPE, Boolean.TRUE);
        features.put(EXTERNAL_GENERAL_ENTITIES, Boolean.FALSE);
        features.put(EXTERNAL_PARAMETER_ENTITIES, Boolean.FALSE);
        features.put(LOAD_EXTERNAL_DTD, Boolean.FALSE);
        return features;
    }
}
