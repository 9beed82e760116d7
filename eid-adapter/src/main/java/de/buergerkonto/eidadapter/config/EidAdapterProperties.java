package de.buergerkonto.eidadapter.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the adapter needs to know, bound from {@code eid-adapter.*} and validated at startup:
 * a missing or malformed value stops the start with a message naming the property. The keys
 * themselves are read and checked by {@link EidKeyMaterial}.
 *
 * @param serviceProvider who we are towards the eID-Server
 * @param eidServer the eID-Server we accept responses from (BSI TR-03130)
 * @param request what the AuthnRequest asks for
 * @param handover the token that carries the result to the auth-server
 * @param clockSkew allowed at both edges of every time window of a response (at most 2 minutes)
 * @param sessionTtl how long a started eID session may take, from the start page to the response
 * @param redisTimeout the most any Redis command may take before the citizen sees "try again later"
 */
@Validated
@ConfigurationProperties("eid-adapter")
public record EidAdapterProperties(
        @NotNull @Valid ServiceProvider serviceProvider,
        @NotNull @Valid EidServer eidServer,
        @NotNull @Valid Request request,
        @NotNull @Valid Handover handover,
        @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 2) Duration clockSkew,
        @NotNull @DurationMin(minutes = 1) @DurationMax(minutes = 30) Duration sessionTtl,
        @NotNull @DurationMin(millis = 50) @DurationMax(seconds = 30) Duration redisTimeout) {

    /**
     * @param entityId our SAML entity ID, the {@code Issuer} of our requests and the {@code Audience} we require
     * @param publicBaseUrl where citizens and the eID-Client reach us, e.g. {@code https://eid.konto.hagen.de};
     *        the tc-token URL, the ACS URL and the metadata are built from it, never from request headers
     * @param signingKey PEM private key that signs our AuthnRequests
     * @param signingCertificate PEM certificate of {@code signingKey}, published in the metadata
     * @param decryptionKey PEM private key the eID-Server encrypts assertions for
     * @param decryptionCertificate PEM certificate of {@code decryptionKey}, published in the metadata
     */
    public record ServiceProvider(
            @NotBlank String entityId,
            @NotNull URI publicBaseUrl,
            @NotNull Resource signingKey,
            @NotNull Resource signingCertificate,
            @NotNull Resource decryptionKey,
            @NotNull Resource decryptionCertificate) {

        @AssertTrue(message = "must be an absolute http or https URL without path, query or fragment")
        public boolean isPublicBaseUrlWellFormed() {
            return publicBaseUrl == null || (publicBaseUrl.isAbsolute()
                    && ("https".equals(publicBaseUrl.getScheme()) || "http".equals(publicBaseUrl.getScheme()))
                    && publicBaseUrl.getHost() != null
                    && (publicBaseUrl.getRawPath() == null || publicBaseUrl.getRawPath().isEmpty())
                    && publicBaseUrl.getRawQuery() == null && publicBaseUrl.getRawFragment() == null);
        }
    }

    /**
     * @param entityId the eID-Server's entity ID, the only {@code Issuer} we accept
     * @param signingCertificate PEM certificate that verifies the eID-Server's responses
     * @param ssoUrl where the tc-token endpoint sends the eID-Client with our AuthnRequest
     */
    public record EidServer(
            @NotBlank String entityId,
            @NotNull Resource signingCertificate,
            @NotNull URI ssoUrl) {

        @AssertTrue(message = "must be an absolute http or https URL without fragment")
        public boolean isSsoUrlWellFormed() {
            return ssoUrl == null || (ssoUrl.isAbsolute() && ssoUrl.getHost() != null && ssoUrl.getRawFragment() == null
                    && ("https".equals(ssoUrl.getScheme()) || "http".equals(ssoUrl.getScheme())));
        }
    }

    /**
     * What we ask the eID-Server for (TR-03130 {@code eid:AuthnRequestExtension}, Version 2).
     * {@code RestrictedID} and {@code DocumentValidity} are always requested as required and
     * {@code LevelOfAssurance} with {@code levelOfAssurance}: the response pipeline cannot work
     * without them, so they are not configurable.
     *
     * @param attributes further card attributes, each with its {@code RequiredAttribute} flag
     * @param ageVerification when set, asks the card whether its holder is at least this old
     * @param placeVerification when set, asks whether the holder lives in this community (its ID, digits)
     * @param levelOfAssurance the eID-Server level requested, {@code http://bsi.bund.de/eID/LoA/...}
     */
    public record Request(
            @NotNull @Valid List<RequestedAttribute> attributes,
            @Min(1) @Max(150) Integer ageVerification,
            @Pattern(regexp = "\\d{2,14}") String placeVerification,
            @NotNull @Pattern(regexp = "http://bsi\\.bund\\.de/eID/LoA/(normal|substantiell|hoch)") String levelOfAssurance) {

        /** Card attributes of the TR-03130 SAML profile that may be requested here. */
        public static final Set<String> CONFIGURABLE_ATTRIBUTES = Set.of("GivenNames", "FamilyNames", "BirthName",
                "DateOfBirth", "PlaceOfBirth", "PlaceOfResidence", "Nationality", "DocumentType", "IssuingState",
                "DateOfExpiry", "ArtisticName", "AcademicTitle", "EIDType");

        @AssertTrue(message = "attributes: every name must be a configurable TR-03130 attribute, each at most once"
                + " (RestrictedID, DocumentValidity and LevelOfAssurance are always requested)")
        public boolean isAttributeListValid() {
            if (attributes == null) {
                return true;
            }
            List<String> names = attributes.stream().map(RequestedAttribute::name).toList();
            return names.stream().allMatch(CONFIGURABLE_ATTRIBUTES::contains) && Set.copyOf(names).size() == names.size();
        }
    }

    /**
     * @param name the attribute's plain TR-03130 name, e.g. {@code GivenNames}
     * @param required its {@code RequiredAttribute} flag: the citizen cannot deselect it in the AusweisApp
     */
    public record RequestedAttribute(@NotBlank String name, boolean required) {
    }

    /**
     * The handover token to the auth-server (see {@code de.buergerkonto.eidhandover}).
     *
     * @param audience the auth-server's identifier, the token's {@code aud}
     * @param signingKey PEM RSA private key the adapter signs the token with
     * @param signingCertificate PEM certificate of {@code signingKey}, which the auth-server verifies with
     * @param recipientCertificate PEM certificate of the auth-server's RSA encryption key; or else
     * @param recipientJwksUrl the auth-server's JWKS with an RSA encryption key ({@code use=enc})
     * @param recipientJwksTimeout connect and read timeout for fetching {@code recipientJwksUrl}
     * @param tokenLifetime how long the token is valid, at most 60 seconds: it only crosses one redirect
     * @param returnUrls the auth-server callbacks {@code /eid/start?return=} may name, matched exactly
     */
    public record Handover(
            @NotBlank String audience,
            @NotNull Resource signingKey,
            @NotNull Resource signingCertificate,
            Resource recipientCertificate,
            URI recipientJwksUrl,
            @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 30) Duration recipientJwksTimeout,
            @NotNull @DurationMin(seconds = 5) @DurationMax(seconds = 60) Duration tokenLifetime,
            @NotEmpty List<@NotNull URI> returnUrls) {

        @AssertTrue(message = "exactly one of recipient-certificate and recipient-jwks-url must be set")
        public boolean isRecipientKeyConfiguredOnce() {
            return (recipientCertificate == null) != (recipientJwksUrl == null);
        }

        @AssertTrue(message = "return-urls must be absolute http or https URLs without fragment")
        public boolean isReturnUrlsWellFormed() {
            return returnUrls == null || returnUrls.stream().allMatch(url -> url == null || (url.isAbsolute()
                    && url.getHost() != null && url.getRawFragment() == null
                    && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))));
        }
    }
}
