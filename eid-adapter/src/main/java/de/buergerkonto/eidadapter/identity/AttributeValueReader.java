package de.buergerkonto.eidadapter.identity;

import java.util.List;
import java.util.Optional;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.schema.XSURI;

/**
 * Reads the shapes eID attribute values come in: a typed string ({@code xsd:string}), or an
 * element of an eID schema type ({@code xsi:type="eid:..."}), which OpenSAML does not know and
 * therefore gives us as {@link XSAny} with its text or its child elements.
 */
final class AttributeValueReader {

    private AttributeValueReader() {
    }

    /** The value's text; empty when the value has child elements instead (or is of another type). */
    static Optional<String> text(XMLObject value) {
        if (value instanceof XSString string) {
            return Optional.of(nullToEmpty(string.getValue()));
        }
        if (value instanceof XSURI uri) {
            return Optional.of(nullToEmpty(uri.getURI()));
        }
        if (value instanceof XSAny any && any.getUnknownXMLObjects().isEmpty()) {
            return Optional.of(nullToEmpty(any.getTextContent()));
        }
        return Optional.empty();
    }

    /** The child elements of the value called {@code localName} (the namespace prefix varies among eID-Servers). */
    static List<XMLObject> children(XMLObject value, String localName) {
        if (value instanceof XSAny any) {
            return any.getUnknownXMLObjects().stream()
                    .filter(child -> localName.equals(child.getElementQName().getLocalPart()))
                    .toList();
        }
        return List.of();
    }

    /** All child elements of the value. */
    static List<XMLObject> children(XMLObject value) {
        return value instanceof XSAny any ? any.getUnknownXMLObjects() : List.of();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
