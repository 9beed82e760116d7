package de.buergerkonto.eidadapter.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The XML text of an eID-Server assertion as BSI TR-03130 eID-Servers write it (modelled on the
 * recorded Governikus response): bearer confirmation for one request and ACS URL, audience
 * restriction, {@code OneTimeUse}, valid for {@code validity} from {@code issued}, a
 * {@code SmartcardPKI} authentication statement and the attributes by their plain names, with the
 * eID schema's value types. Unsigned: eID-Servers sign the response through the binding.
 *
 * <p>Built as text on purpose: the simulator and the tests edit it before it is encrypted.
 */
public final class EidAssertionXml {

    static final DateTimeFormatter SAML_INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EidAssertionXml() {
    }

    /**
     * @param attributes the {@code saml2:Attribute} elements, see {@link #attribute(String, String)}
     */
    public static String assertion(String assertionId, String issuer, Instant issued, Duration validity,
            String inResponseTo, String recipient, String audience, String nameId, String attributes) {
        String start = instant(issued);
        String end = instant(issued.plus(validity));
        return "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                + " ID=\"" + escape(assertionId) + "\" IssueInstant=\"" + start + "\" Version=\"2.0\">"
                + "<saml2:Issuer>" + escape(issuer) + "</saml2:Issuer>"
                + "<saml2:Subject><saml2:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\">"
                + escape(nameId) + "</saml2:NameID>"
                + "<saml2:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                + "<saml2:SubjectConfirmationData InResponseTo=\"" + escape(inResponseTo) + "\" NotOnOrAfter=\"" + end + "\""
                + " Recipient=\"" + escape(recipient) + "\"/></saml2:SubjectConfirmation></saml2:Subject>"
                + "<saml2:Conditions NotBefore=\"" + start + "\" NotOnOrAfter=\"" + end + "\">"
                + "<saml2:AudienceRestriction><saml2:Audience>" + escape(audience) + "</saml2:Audience></saml2:AudienceRestriction>"
                + "<saml2:OneTimeUse/></saml2:Conditions>"
                + "<saml2:AuthnStatement AuthnInstant=\"" + start + "\"><saml2:AuthnContext>"
                + "<saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI</saml2:AuthnContextClassRef>"
                + "</saml2:AuthnContext></saml2:AuthnStatement>"
                + "<saml2:AttributeStatement xmlns:eid=\"http://bsi.bund.de/eID/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + attributes + "</saml2:AttributeStatement>"
                + "</saml2:Assertion>";
    }

    /** One {@code saml2:Attribute} with the given {@code saml2:AttributeValue} elements (already XML). */
    public static String attribute(String name, String values) {
        return "<saml2:Attribute Name=\"" + escape(name) + "\">" + values + "</saml2:Attribute>";
    }

    public static String restrictedId(String hex) {
        return attribute("RestrictedID", "<saml2:AttributeValue xsi:type=\"eid:RestrictedIDType\"><eid:ID>"
                + escape(hex) + "</eid:ID></saml2:AttributeValue>");
    }

    public static String levelOfAssurance(String uri) {
        return attribute("LevelOfAssurance", "<saml2:AttributeValue xsi:type=\"eid:LevelOfAssuranceType\">"
                + escape(uri) + "</saml2:AttributeValue>");
    }

    /** @param status {@code valid}, {@code expired}, {@code revoked}, ... */
    public static String documentValidity(String status, String referenceDate) {
        return attribute("DocumentValidity", "<saml2:AttributeValue xsi:type=\"eid:DocumentValidityResultType\">"
                + "<eid:ReferenceDate>" + escape(referenceDate) + "</eid:ReferenceDate><eid:Status>" + escape(status)
                + "</eid:Status></saml2:AttributeValue>");
    }

    /** A plain text attribute ({@code xsd:string}); an empty value is what old cards send as nationality. */
    public static String text(String name, String value) {
        return attribute(name, "<saml2:AttributeValue xsi:type=\"xsd:string\">" + escape(value) + "</saml2:AttributeValue>");
    }

    /**
     * The eID schema's {@code GeneralDateType}: {@code DateString} as on the card ({@code YYYYMMDD},
     * spaces for unknown parts), {@code DateValue} only for a complete date.
     */
    public static String date(String name, String dateString) {
        String value = dateString.contains(" ") ? "" : "<eid:DateValue>" + dateString.substring(0, 4) + "-"
                + dateString.substring(4, 6) + "-" + dateString.substring(6, 8) + "</eid:DateValue>";
        return attribute(name, "<saml2:AttributeValue xsi:type=\"eid:GeneralDateType\"><eid:DateString>"
                + escape(dateString) + "</eid:DateString>" + value + "</saml2:AttributeValue>");
    }

    /** The eID schema's {@code GeneralPlaceType} with a {@code StructuredPlace}. */
    public static String structuredPlace(String name, String street, String city, String country, String zipCode) {
        return attribute(name, "<saml2:AttributeValue xsi:type=\"eid:GeneralPlaceType\"><eid:StructuredPlace>"
                + "<eid:Street>" + escape(street) + "</eid:Street><eid:City>" + escape(city) + "</eid:City>"
                + "<eid:Country>" + escape(country) + "</eid:Country><eid:ZipCode>" + escape(zipCode) + "</eid:ZipCode>"
                + "</eid:StructuredPlace></saml2:AttributeValue>");
    }

    /** The eID schema's {@code GeneralPlaceType} with a {@code FreetextPlace}, as places of birth are. */
    public static String freeTextPlace(String name, String text) {
        return attribute(name, "<saml2:AttributeValue xsi:type=\"eid:GeneralPlaceType\"><eid:FreetextPlace>"
                + escape(text) + "</eid:FreetextPlace></saml2:AttributeValue>");
    }

    /** {@code EIDType} with the physical card used. */
    public static String cardCertifiedEidType() {
        return attribute("EIDType", "<saml2:AttributeValue xsi:type=\"eid:EIDTypeResponseType\">"
                + "<eid:CardCertified>USED</eid:CardCertified></saml2:AttributeValue>");
    }

    static String instant(Instant instant) {
        return SAML_INSTANT.format(instant);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
