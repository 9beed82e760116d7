package de.buergerkonto.eidadapter.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AuthnRequest;

import de.buergerkonto.eidadapter.binding.RedirectBindingDecoder;
import de.buergerkonto.eidadapter.binding.RedirectBindingException;
import de.buergerkonto.eidadapter.binding.RedirectBindingLimits;
import de.buergerkonto.eidadapter.binding.RedirectMessage;
import de.buergerkonto.eidadapter.binding.RedirectSignatureVerifier;
import de.buergerkonto.eidadapter.binding.SamlParameter;
import de.buergerkonto.eidadapter.binding.SignatureAlgorithm;
import de.buergerkonto.eidadapter.saml.SamlMessageParseException;
import de.buergerkonto.eidadapter.saml.SamlMessageParser;

/**
 * The eID-Server side of the TR-03130 SAML profile, without a card: checks an AuthnRequest as a
 * real eID-Server does (redirect signature with the service provider's registered certificate,
 * issuer, destination, ACS URL) and answers with a response built exactly like a real one
 * ({@link EidServerResponse}): unsigned assertion encrypted for the service provider, one minute
 * valid, {@code OneTimeUse}, the card's attributes by their plain names, level {@code hoch}.
 */
public final class SimulatedEidServer {

    /** The PIN the test cards accept. */
    public static final String PIN = "123456";
    static final Duration VALIDITY = Duration.ofMinutes(1);

    /** What the tester chose. */
    public enum Outcome {
        AUTHENTICATED, CANCELLED, WRONG_PIN
    }

    private final String entityId;
    private final String ssoUrl;
    private final String serviceProviderEntityId;
    private final String assertionConsumerUrl;
    private final PublicKey serviceProviderSigningKey;
    private final PublicKey serviceProviderEncryptionKey;
    private final PrivateKey signingKey;
    private final Clock clock;
    private final RedirectBindingDecoder decoder = new RedirectBindingDecoder(RedirectBindingLimits.DEFAULT);
    private final RedirectSignatureVerifier verifier = new RedirectSignatureVerifier();
    private final SamlMessageParser parser = new SamlMessageParser();

    public SimulatedEidServer(String entityId, String ssoUrl, String serviceProviderEntityId,
            String assertionConsumerUrl, X509Certificate serviceProviderSigning, X509Certificate serviceProviderEncryption,
            PrivateKey signingKey, Clock clock) {
        this.entityId = entityId;
        this.ssoUrl = ssoUrl;
        this.serviceProviderEntityId = serviceProviderEntityId;
        this.assertionConsumerUrl = assertionConsumerUrl;
        this.serviceProviderSigningKey = serviceProviderSigning.getPublicKey();
        this.serviceProviderEncryptionKey = serviceProviderEncryption.getPublicKey();
        this.signingKey = signingKey;
        this.clock = clock;
    }

    /** Decodes and checks an AuthnRequest received at the SSO URL (raw query, as received). */
    public PendingAuthnRequest receive(String rawQuery) throws SimulatorException {
        RedirectMessage message;
        try {
            message = decoder.decode(rawQuery, SamlParameter.SAML_REQUEST);
        } catch (RedirectBindingException e) {
            throw new SimulatorException("Not a redirect-binding AuthnRequest", e);
        }
        SignatureAlgorithm algorithm = message.signatureAlgorithm().flatMap(SignatureAlgorithm::fromUri)
                .orElseThrow(() -> new SimulatorException("Unsigned, or signed with an algorithm not allowed"));
        if (!verifier.verify(message.signedContent(), message.signature().orElseThrow(), algorithm,
                serviceProviderSigningKey)) {
            throw new SimulatorException("The signature does not verify with the service provider's certificate");
        }
        AuthnRequest request;
        try {
            request = parser.parse(message.message(), AuthnRequest.class);
        } catch (SamlMessageParseException e) {
            throw new SimulatorException("Not an AuthnRequest", e);
        }
        if (request.getIssuer() == null || !serviceProviderEntityId.equals(request.getIssuer().getValue())) {
            throw new SimulatorException("Unknown service provider");
        }
        if (!ssoUrl.equals(request.getDestination())) {
            throw new SimulatorException("Destination is not this eID-Server");
        }
        if (!assertionConsumerUrl.equals(request.getAssertionConsumerServiceURL())) {
            throw new SimulatorException("AssertionConsumerServiceURL is not the registered one");
        }
        if (request.getID() == null || message.relayState().isEmpty()) {
            throw new SimulatorException("No ID or no RelayState");
        }
        return new PendingAuthnRequest(request.getID(), message.relayState().get(), requestedAttributes(request));
    }

    /** The ACS URL with the response to {@code request}, as the eID-Server redirects the browser there. */
    public String answer(PendingAuthnRequest request, TestCard card, Outcome outcome) {
        Instant now = clock.instant();
        EidServerResponse response = new EidServerResponse("_" + UUID.randomUUID(), entityId, assertionConsumerUrl,
                request.requestId(), now);
        switch (outcome) {
            case CANCELLED -> response.status(EidServerResponse.failedStatus("Requester",
                    "An error was reported from eCardAPI: " + EidServerResponse.RESULT_MINOR + "sal#cancellationByUser."));
            case WRONG_PIN -> response.status(EidServerResponse.failedStatus("Responder",
                    "An error was reported from eCardAPI: " + EidServerResponse.RESULT_MINOR + "sal#wrongReferenceData"));
            case AUTHENTICATED -> {
                String attributes = card.attributes(restrictedId(card), now.atZone(ZoneOffset.UTC).toLocalDate().toString(),
                        Set.copyOf(request.requestedAttributes()));
                response.assertion(EidAssertionXml.assertion("_" + UUID.randomUUID(), entityId, now, VALIDITY,
                        request.requestId(), assertionConsumerUrl, serviceProviderEntityId, "_" + UUID.randomUUID(),
                        attributes), serviceProviderEncryptionKey);
            }
        }
        String query = response.redirectQuery(signingKey, Optional.of(request.relayState()));
        return assertionConsumerUrl + (assertionConsumerUrl.contains("?") ? "&" : "?") + query;
    }

    /** Card- and service-provider-specific, as the real pseudonym: SHA-256 over both, hex. */
    String restrictedId(TestCard card) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((serviceProviderEntityId + "\n" + card.name()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** The names under {@code eid:AuthnRequestExtension/eid:RequestedAttributes}. */
    private static List<String> requestedAttributes(AuthnRequest request) {
        List<String> names = new ArrayList<>();
        if (request.getExtensions() == null) {
            return names;
        }
        for (XMLObject extension : request.getExtensions().getUnknownXMLObjects()) {
            if (!"AuthnRequestExtension".equals(extension.getElementQName().getLocalPart())
                    || !(extension instanceof XSAny any)) {
                continue;
            }
            for (XMLObject list : any.getUnknownXMLObjects()) {
                if (list instanceof XSAny attributes && "RequestedAttributes".equals(list.getElementQName().getLocalPart())) {
                    for (XMLObject attribute : attributes.getUnknownXMLObjects()) {
                        name(attribute).ifPresent(names::add);
                    }
                }
            }
        }
        return names;
    }

    private static Optional<String> name(XMLObject attribute) {
        if (attribute instanceof Attribute saml) {
            return Optional.ofNullable(saml.getName());
        }
        if (attribute instanceof XSAny any) {
            return Optional.ofNullable(any.getUnknownAttributes().get(new QName("Name")));
        }
        return Optional.empty();
    }
}
