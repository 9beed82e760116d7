package de.buergerkonto.eidadapter.response;

/**
 * Why an eID response was refused: one reason per step of {@link EidResponseValidator}, so that
 * a log line and a citizen's error page can say what went wrong without quoting the response.
 *
 * <p>Only {@link #STATUS_NOT_SUCCESS} and {@link #DOCUMENT_NOT_VALID} are about the citizen
 * (see {@link EidStatusReason}); every other reason is an attack, a misconfiguration or a
 * response that arrived too late, and the citizen can only start again.
 */
public enum EidError {

    /** Step 1: not a decodable redirect message, not well-formed XML, a DOCTYPE, not a Response. */
    MALFORMED("The response could not be read"),
    /** Step 1: over the size limit before or after inflating. */
    MESSAGE_TOO_LARGE("The response is too large"),
    /** Step 2: no {@code Signature} or no {@code SigAlg}: unsigned responses are refused. */
    SIGNATURE_MISSING("The response is not signed"),
    /** Step 2 (and 4, 10): a signature algorithm not on the allowlist, e.g. anything with SHA-1. */
    SIGNATURE_ALGORITHM_NOT_ALLOWED("The response is signed with an algorithm we do not accept"),
    /** Steps 3, 4, 10: the signature does not verify with the configured eID-Server certificate. */
    SIGNATURE_INVALID("The response signature is not valid"),
    /** Step 5: the eID-Server reports a failure; see {@link EidStatusReason}. */
    STATUS_NOT_SUCCESS("The eID-Server reports that the identification failed"),
    /** Steps 6, 10: not issued by the configured eID-Server. */
    ISSUER_MISMATCH("The response comes from an unexpected issuer"),
    /** Step 7: {@code Destination} is not our assertion consumer URL. */
    DESTINATION_MISMATCH("The response was sent to another destination"),
    /** Step 8: {@code InResponseTo} is not the request this session sent. */
    UNKNOWN_IN_RESPONSE_TO("The response does not answer the request of this session"),
    /** Step 9: {@code RelayState} is not the one this session sent. */
    RELAY_STATE_MISMATCH("The response belongs to another session"),
    /** Step 10: a plain assertion, or none at all: assertions must be encrypted for us. */
    NOT_ENCRYPTED("The response carries no encrypted assertion"),
    /** Step 10: the assertion could not be decrypted with our key, or with allowed algorithms. */
    DECRYPTION_FAILED("The assertion could not be decrypted"),
    /** Step 11: no audience restriction naming our entity ID. */
    AUDIENCE_MISMATCH("The assertion is meant for another service"),
    /** Step 12: no bearer confirmation for our assertion consumer URL and request. */
    RECIPIENT_MISMATCH("The assertion is meant for another recipient"),
    /** Step 11: a condition we do not understand, which SAML says must not be ignored. */
    UNSUPPORTED_CONDITION("The assertion has a condition we cannot evaluate"),
    /** Step 13: issued or valid only in the future, beyond the allowed clock skew. */
    NOT_YET_VALID("The response is not yet valid"),
    /** Step 13: at or past {@code NotOnOrAfter} plus the allowed clock skew. */
    EXPIRED("The response has expired"),
    /** Step 14: the assertion was accepted before. */
    REPLAYED("The response was already used"),
    /** Step 14: the one-time-use store did not answer; refused rather than risk a replay. */
    REPLAY_CHECK_UNAVAILABLE("The response could not be checked for reuse"),
    /** Step 15: a required attribute is missing. */
    ATTRIBUTE_MISSING("A required attribute is missing"),
    /** Step 15: an attribute has a form we do not accept. */
    ATTRIBUTE_MALFORMED("An attribute could not be read"),
    /** Step 15: the eID-Server says the document is not valid; see {@link EidStatusReason}. */
    DOCUMENT_NOT_VALID("The identity document is not valid");

    private final String description;

    EidError(String description) {
        this.description = description;
    }

    /** An English sentence for logs; free of response content. */
    public String description() {
        return description;
    }
}
