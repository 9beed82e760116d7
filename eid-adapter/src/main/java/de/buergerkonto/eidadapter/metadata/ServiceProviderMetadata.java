package de.buergerkonto.eidadapter.metadata;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EncryptionMethod;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Data;

import de.buergerkonto.eidadapter.saml.OpenSamlBootstrap;
import de.buergerkonto.eidadapter.saml.SamlMessageSerializer;

/**
 * Our SAML 2.0 metadata (SAML metadata 2.4.4): an {@code EntityDescriptor} with one
 * {@code SPSSODescriptor} that signs its requests, a signing and an encryption
 * {@code KeyDescriptor} (with the AES-GCM and RSA-OAEP methods we accept), and the assertion
 * consumer for HTTP-Redirect (default, what eID-Servers use) and HTTP-POST.
 *
 * <p>Unsigned, deliberately: the eID-Server operator registers it once, out of band, together
 * with the authorization certificate; a signature by the very key it publishes would prove
 * nothing to a first-time reader, and there is no federation key to sign with.
 */
public final class ServiceProviderMetadata {

    private final byte[] xml;

    public ServiceProviderMetadata(String entityId, String assertionConsumerUrl, X509Certificate signing,
            X509Certificate encryption) {
        OpenSamlBootstrap.initialize();
        EntityDescriptor entity = build(EntityDescriptor.DEFAULT_ELEMENT_NAME, EntityDescriptor.class);
        entity.setEntityID(entityId);
        SPSSODescriptor sp = build(SPSSODescriptor.DEFAULT_ELEMENT_NAME, SPSSODescriptor.class);
        sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        sp.setAuthnRequestsSigned(Boolean.TRUE);
        sp.setWantAssertionsSigned(Boolean.FALSE);
        sp.getKeyDescriptors().add(keyDescriptor(UsageType.SIGNING, signing));
        KeyDescriptor encryptionKey = keyDescriptor(UsageType.ENCRYPTION, encryption);
        encryptionKey.getEncryptionMethods().add(encryptionMethod(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM));
        encryptionKey.getEncryptionMethods().add(encryptionMethod(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP));
        sp.getKeyDescriptors().add(encryptionKey);
        sp.getAssertionConsumerServices().add(consumer(0, SAMLConstants.SAML2_REDIRECT_BINDING_URI, assertionConsumerUrl, true));
        sp.getAssertionConsumerServices().add(consumer(1, SAMLConstants.SAML2_POST_BINDING_URI, assertionConsumerUrl, false));
        entity.getRoleDescriptors().add(sp);
        this.xml = new SamlMessageSerializer().serialize(entity);
    }

    /** The metadata document, UTF-8. */
    public byte[] xml() {
        return xml.clone();
    }

    private static KeyDescriptor keyDescriptor(UsageType use, X509Certificate certificate) {
        KeyDescriptor descriptor = build(KeyDescriptor.DEFAULT_ELEMENT_NAME, KeyDescriptor.class);
        descriptor.setUse(use);
        KeyInfo keyInfo = build(KeyInfo.DEFAULT_ELEMENT_NAME, KeyInfo.class);
        X509Data data = build(X509Data.DEFAULT_ELEMENT_NAME, X509Data.class);
        org.opensaml.xmlsec.signature.X509Certificate element = build(
                org.opensaml.xmlsec.signature.X509Certificate.DEFAULT_ELEMENT_NAME,
                org.opensaml.xmlsec.signature.X509Certificate.class);
        try {
            element.setValue(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A configured certificate could not be encoded", e);
        }
        data.getX509Certificates().add(element);
        keyInfo.getX509Datas().add(data);
        descriptor.setKeyInfo(keyInfo);
        return descriptor;
    }

    private static EncryptionMethod encryptionMethod(String algorithm) {
        EncryptionMethod method = build(EncryptionMethod.DEFAULT_ELEMENT_NAME, EncryptionMethod.class);
        method.setAlgorithm(algorithm);
        return method;
    }

    private static AssertionConsumerService consumer(int index, String binding, String location, boolean isDefault) {
        AssertionConsumerService service = build(AssertionConsumerService.DEFAULT_ELEMENT_NAME,
                AssertionConsumerService.class);
        service.setIndex(index);
        service.setBinding(binding);
        service.setLocation(location);
        service.setIsDefault(isDefault);
        return service;
    }

    private static <T extends XMLObject> T build(QName name, Class<T> type) {
        return type.cast(XMLObjectSupport.buildXMLObject(name));
    }
}
