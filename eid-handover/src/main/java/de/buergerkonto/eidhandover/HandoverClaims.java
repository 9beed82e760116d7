package de.buergerkonto.eidhandover;

import java.time.Duration;

/**
 * The claims of the handover token from the eID adapter to the auth-server: a JWT signed by the
 * adapter (RS256/PS256) inside a JWE encrypted to the auth-server (RSA-OAEP-256, A256GCM,
 * {@code cty: JWT}), valid at most 60 seconds, accepted once.
 *
 * <p>Registered claims (RFC 7519): {@code iss} (the adapter's SAML entity ID), {@code aud} (the
 * auth-server), {@code iat}, {@code nbf}, {@code exp}, {@code jti}. Names of person data follow
 * OpenID Connect Core 5.1 and OpenID Connect for Identity Assurance 1.0 where they exist; every
 * one of them is verified by the eID-Server from the card's chip. An attribute the card does not
 * hold, or the citizen did not release, is left out.
 */
public final class HandoverClaims {

    /** The auth-server's opaque {@code state} from {@code /eid/start}, unchanged. */
    public static final String STATE = "state";
    /** {@link Purpose#value()}: {@code login} or {@code proof}. */
    public static final String PURPOSE = "purpose";
    /** The card- and service-provider-specific pseudonym, lowercase hex (TR-03130 {@code RestrictedID}). */
    public static final String RESTRICTED_ID = "restricted_id";
    /** The level on the eIDAS scale, e.g. {@code http://eidas.europa.eu/LoA/high}. */
    public static final String ACR = "acr";
    /** When the card was read (the assertion's {@code AuthnInstant}), seconds since the epoch. */
    public static final String VERIFIED_AT = "verified_at";
    /** Identity Assurance evidence type: the card's chip was read, {@value #EVIDENCE_TYPE_DOCUMENT}. */
    public static final String EVIDENCE_TYPE = "evidence_type";
    /** Identity Assurance check method: the chip's data was verified cryptographically, {@value #CHECK_METHOD_VCRYPT}. */
    public static final String CHECK_METHOD = "check_method";

    public static final String GIVEN_NAME = "given_name";
    public static final String FAMILY_NAME = "family_name";
    public static final String BIRTH_FAMILY_NAME = "birth_family_name";
    /** {@code YYYY-MM-DD}, or {@code YYYY-MM} / {@code YYYY} when the card does not know the day or month. */
    public static final String BIRTHDATE = "birthdate";
    /** Object: {@code locality}, {@code country}, or {@code formatted} for a free-text place. */
    public static final String PLACE_OF_BIRTH = "place_of_birth";
    /** Object: {@code street_address}, {@code locality}, {@code postal_code}, {@code region}, {@code country}, or {@code formatted}. */
    public static final String ADDRESS = "address";
    /** The card's nationality code (ICAO 9303, {@code D} for Germany); absent on cards issued before November 2019. */
    public static final String NATIONALITY = "nationality";
    /** ICAO 9303 document type: {@code ID} (identity card), {@code AR}/{@code AS}/{@code AF} (residence permits), ... */
    public static final String DOCUMENT_TYPE = "document_type";
    /** ICAO 9303 code of the issuing state, {@code D} for Germany. */
    public static final String ISSUING_STATE = "issuing_state";

    public static final String EVIDENCE_TYPE_DOCUMENT = "document";
    public static final String CHECK_METHOD_VCRYPT = "vcrypt";

    /** Place sub-claims. */
    public static final String STREET_ADDRESS = "street_address";
    public static final String LOCALITY = "locality";
    public static final String POSTAL_CODE = "postal_code";
    public static final String REGION = "region";
    public static final String COUNTRY = "country";
    public static final String FORMATTED = "formatted";

    /** The most a token may live; the writer's configured lifetime is at most this. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    private HandoverClaims() {
    }
}
