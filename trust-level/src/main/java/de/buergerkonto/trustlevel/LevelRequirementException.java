package de.buergerkonto.trustlevel;

/**
 * An authorization request whose level requirement cannot be read or never be met; {@link #error()}
 * is the OAuth error the authorization server answers with. Messages name the parameter and never
 * repeat the request's content.
 */
public final class LevelRequirementException extends RuntimeException {

    /** The OAuth 2.0 / OpenID Connect error codes this can end in. */
    public enum Error {
        /** A malformed {@code claims} or {@code max_age} parameter (RFC 6749, section 4.1.2.1). */
        INVALID_REQUEST("invalid_request"),
        /** An essential {@code acr} none of whose values exists here (OpenID Connect Core 1.0, section 5.5.1.1). */
        UNMET_AUTHENTICATION_REQUIREMENTS("unmet_authentication_requirements");

        private final String code;

        Error(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Error error;

    public LevelRequirementException(Error error, String message) {
        super(message);
        this.error = error;
    }

    public Error error() {
        return error;
    }
}
