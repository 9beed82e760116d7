package de.buergerkonto.eidadapter.request;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.impl.XSAnyBuilder;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Extensions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;

import de.buergerkonto.eidadapter.binding.RedirectBindingEncoder;
import de.buergerkonto.eidadapter.binding.SamlParameter;
import de.buergerkonto.eidadapter.binding.SignatureAlgorithm;
import de.buergerkonto.eidadapter.config.EidAdapterProperties;
import de.buergerkonto.eidadapter.saml.OpenSamlBootstrap;
import de.buergerkonto.eidadapter.saml.SamlMessageSerializer;

/**
 * Builds and signs the AuthnRequest of the BSI TR-03130 SAML profile (part 3): a SAML 2.0
 * AuthnRequest carrying {@code <eid:AuthnRequestExtension Version="2">} with the requested
 * attributes and their {@code eid:RequiredAttribute} flags, the optional age and place
 * verification and the requested level of assurance, sent through the HTTP-Redirect binding
 * signed with RSASSA-PSS SHA-256 (BSI TR-03116-4).
 */
public final class AuthnRequestFactory {

    static final String EID_NAMESPACE = "http://bsi.bund.de/eID/";
    static final String EID_PREFIX = "eid";
    static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";
    static final QName REQUIRED_ATTRIBUTE = new QName(EID_NAMESPACE, "RequiredAttribute", EID_PREFIX);
    static final String EXTENSION_VERSION = "2";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String serviceProviderEntityId;
    private final String assertionConsumerUrl;
    private final String ssoUrl;
    private final EidAdapterProperties.Request requested;
    private final RedirectBindingEncoder encoder;
    private final SamlMessageSerializer serializer = new SamlMessageSerializer();
    private final Clock clock;

    public AuthnRequestFactory(String serviceProviderEntityId, String assertionConsumerUrl, String ssoUrl,
            EidAdapterProperties.Request requested, PrivateKey signingKey, Clock clock) {
        OpenSamlBootstrap.initialize();
        this.serviceProviderEntityId = serviceProviderEntityId;
        this.assertionConsumerUrl = assertionConsumerUrl;
        this.ssoUrl = ssoUrl;
        this.requested = requested;
        this.encoder = new RedirectBindingEncoder(SignatureAlgorithm.RSA_PSS_SHA256, signingKey);
        this.clock = clock;
    }

    /** A fresh request ID: 128 random bits, starting with "_" to be a valid xsd:ID. */
    public String newRequestId() {
        return "_" + HexFormat.of().formatHex(randomBytes());
    }

    /** The request {@code requestId}, signed, as the location to redirect the eID-Client to. */
    public OutgoingAuthnRequest create(String requestId, String relayState) {
        AuthnRequest request = build(AuthnRequest.DEFAULT_ELEMENT_NAME, AuthnRequest.class);
        request.setID(requestId);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(clock.instant());
        request.setDestination(ssoUrl);
        request.setAssertionConsumerServiceURL(assertionConsumerUrl);
        request.setProtocolBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME, Issuer.class);
        issuer.setFormat(NameIDType.ENTITY);
        issuer.setValue(serviceProviderEntityId);
        request.setIssuer(issuer);
        Extensions extensions = build(Extensions.DEFAULT_ELEMENT_NAME, Extensions.class);
        extensions.getUnknownXMLObjects().add(authnRequestExtension());
        request.setExtensions(extensions);

        String query = encoder.encode(SamlParameter.SAML_REQUEST, serializer.serialize(request), Optional.of(relayState));
        return new OutgoingAuthnRequest(requestId, ssoUrl + (ssoUrl.contains("?") ? "&" : "?") + query);
    }

    /** {@code <eid:AuthnRequestExtension Version="2"><eid:RequestedAttributes>...} (TR-03130-3, SAML profile). */
    private XSAny authnRequestExtension() {
        XSAny extension = element(EID_NAMESPACE, "AuthnRequestExtension", EID_PREFIX);
        extension.getUnknownAttributes().put(new QName("Version"), EXTENSION_VERSION);
        XSAny attributes = element(EID_NAMESPACE, "RequestedAttributes", EID_PREFIX);
        // always and required: without them the response pipeline cannot say whose card it was and whether it was valid
        attributes.getUnknownXMLObjects().add(requestedAttribute("RestrictedID", true));
        attributes.getUnknownXMLObjects().add(requestedAttribute("DocumentValidity", true));
        for (EidAdapterProperties.RequestedAttribute attribute : requested.attributes()) {
            attributes.getUnknownXMLObjects().add(requestedAttribute(attribute.name(), attribute.required()));
        }
        if (requested.ageVerification() != null) {
            attributes.getUnknownXMLObjects().add(requestedAttributeWithValue("AgeVerification",
                    "AgeVerificationRequestType", "Age", String.valueOf(requested.ageVerification())));
        }
        if (requested.placeVerification() != null) {
            attributes.getUnknownXMLObjects().add(requestedAttributeWithValue("PlaceVerification",
                    "PlaceVerificationRequestType", "CommunityID", requested.placeVerification()));
        }
        Attribute level = requestedAttribute("LevelOfAssurance", true);
        XSAny levelValue = element(SAMLConstants.SAML20_NS, "AttributeValue", SAMLConstants.SAML20_PREFIX);
        levelValue.getUnknownAttributes().put(new QName(XSI_NAMESPACE, "type", "xsi"), EID_PREFIX + ":LevelOfAssuranceType");
        levelValue.setTextContent(requested.levelOfAssurance());
        level.getAttributeValues().add(levelValue);
        attributes.getUnknownXMLObjects().add(level);
        extension.getUnknownXMLObjects().add(attributes);
        return extension;
    }

    private static Attribute requestedAttribute(String name, boolean required) {
        Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME, Attribute.class);
        attribute.setName(name);
        attribute.getUnknownAttributes().put(REQUIRED_ATTRIBUTE, String.valueOf(required));
        return attribute;
    }

    private static Attribute requestedAttributeWithValue(String name, String type, String child, String text) {
        Attribute attribute = requestedAttribute(name, true);
        XSAny value = element(SAMLConstants.SAML20_NS, "AttributeValue", SAMLConstants.SAML20_PREFIX);
        value.getUnknownAttributes().put(new QName(XSI_NAMESPACE, "type", "xsi"), EID_PREFIX + ":" + type);
        XSAny childElement = element(EID_NAMESPACE, child, EID_PREFIX);
        childElement.setTextContent(text);
        value.getUnknownXMLObjects().add(childElement);
        attribute.getAttributeValues().add(value);
        return attribute;
    }

    private static XSAny element(String namespace, String localName, String prefix) {
        return new XSAnyBuilder().buildObject(namespace, localName, prefix);
    }

    private static <T extends XMLObject> T build(QName name, Class<T> type) {
        return type.cast(XMLObjectSupport.buildXMLObject(name));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
