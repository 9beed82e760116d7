package de.buergerkonto.eidadapter.saml;

import java.io.ByteArrayInputStream;

import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;

/**
 * Turns the bytes of a received SAML message into OpenSAML objects, through the
 * {@link HardenedParserPool hardened parser pool} only.
 */
public final class SamlMessageParser {

    private final HardenedParserPool parserPool;

    public SamlMessageParser() {
        this.parserPool = OpenSamlBootstrap.initialize();
    }

    /**
     * Parses and unmarshalls one message and checks it is of the expected type.
     *
     * @throws SamlMessageParseException when the bytes are not well-formed XML, contain a DOCTYPE,
     *         or are not a {@code type}; its message never quotes the received content
     */
    public <T extends XMLObject> T parse(byte[] message, Class<T> type) throws SamlMessageParseException {
        XMLObject parsed;
        try {
            parsed = XMLObjectSupport.unmarshallFromInputStream(parserPool, new ByteArrayInputStream(message));
        } catch (XMLParserException e) {
            throw new SamlMessageParseException("The message is not acceptable XML", e);
        } catch (UnmarshallingException e) {
            throw new SamlMessageParseException("The message could not be unmarshalled", e);
        }
        if (!type.isInstance(parsed)) {
            throw new SamlMessageParseException("The message is a " + parsed.getElementQName().getLocalPart()
                    + ", expected a " + type.getSimpleName(), null);
        }
        return type.cast(parsed);
    }
}
