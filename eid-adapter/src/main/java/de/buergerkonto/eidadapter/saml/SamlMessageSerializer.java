package de.buergerkonto.eidadapter.saml;

import java.io.ByteArrayOutputStream;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;

/** Turns an OpenSAML object we built into the bytes we send. */
public final class SamlMessageSerializer {

    public SamlMessageSerializer() {
        OpenSamlBootstrap.initialize();
    }

    /** The UTF-8 XML of {@code message}, marshalled if it is not yet. */
    public byte[] serialize(XMLObject message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLObjectSupport.marshallToOutputStream(message, out);
        } catch (MarshallingException e) {
            throw new IllegalStateException("A message we built could not be marshalled", e);
        }
        return out.toByteArray();
    }
}
