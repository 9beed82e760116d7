package de.buergerkonto.eidadapter.citizen;

import java.util.Optional;

import org.springframework.http.HttpStatus;

import de.buergerkonto.eidadapter.response.EidError;
import de.buergerkonto.eidadapter.response.EidResponseException;
import de.buergerkonto.eidadapter.response.EidStatusReason;

/**
 * What a citizen is told when the ID card flow stops, one page each (texts in
 * {@code i18n/messages*.properties} under {@code problem.<key>.*}).
 *
 * <p>Failure policy: every outcome of the flow is a 4xx page (the request cannot succeed as
 * sent; starting again can), never a 500 or a stack trace; only our own dependencies being down
 * (Redis, the auth-server's JWKS) is a 503, "try again later".
 */
public enum CitizenProblem {
    RETURN_NOT_ALLOWED("return-not-allowed", HttpStatus.BAD_REQUEST, false),
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, false),
    SESSION_INVALID("session-invalid", HttpStatus.BAD_REQUEST, true),
    CANCELLED("cancelled", HttpStatus.BAD_REQUEST, true),
    WRONG_PIN("wrong-pin", HttpStatus.BAD_REQUEST, true),
    PIN_BLOCKED("pin-blocked", HttpStatus.BAD_REQUEST, true),
    CARD_EXPIRED("card-expired", HttpStatus.BAD_REQUEST, true),
    CARD_REVOKED("card-revoked", HttpStatus.BAD_REQUEST, true),
    CARD_NOT_VALID("card-not-valid", HttpStatus.BAD_REQUEST, true),
    CLIENT_ERROR("client-error", HttpStatus.BAD_REQUEST, true),
    SERVER_UNREACHABLE("server-unreachable", HttpStatus.BAD_GATEWAY, true),
    EID_FAILED("eid-failed", HttpStatus.BAD_REQUEST, true),
    REPLAYED("replayed", HttpStatus.BAD_REQUEST, true),
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, true),
    TEMPORARILY_UNAVAILABLE("temporarily-unavailable", HttpStatus.SERVICE_UNAVAILABLE, true);

    private final String key;
    private final HttpStatus status;
    private final boolean retryable;

    CitizenProblem(String key, HttpStatus status, boolean retryable) {
        this.key = key;
        this.status = status;
        this.retryable = retryable;
    }

    /** The message key part and the page's {@code data-problem} value. */
    public String key() {
        return key;
    }

    public HttpStatus status() {
        return status;
    }

    /** Whether starting the ID card flow again can help (then the page offers it). */
    public boolean retryable() {
        return retryable;
    }

    /**
     * The page for a refused eID response: the eID side's reason where there is one; for every
     * other step the same "could not be checked, nothing was stored" page (the citizen can do
     * nothing different; the log has the step).
     */
    public static CitizenProblem of(EidResponseException refused) {
        Optional<EidStatusReason> reason = refused.statusReason();
        if (reason.isPresent()) {
            return switch (reason.get()) {
                case CANCELLED_BY_USER -> CANCELLED;
                case WRONG_PIN -> WRONG_PIN;
                case PIN_BLOCKED -> PIN_BLOCKED;
                case CARD_EXPIRED -> CARD_EXPIRED;
                case CARD_REVOKED -> CARD_REVOKED;
                case DOCUMENT_NOT_VALID -> CARD_NOT_VALID;
                case OTHER -> EID_FAILED;
            };
        }
        if (refused.error() == EidError.REPLAYED) {
            return REPLAYED;
        }
        if (refused.error() == EidError.REPLAY_CHECK_UNAVAILABLE) {
            return TEMPORARILY_UNAVAILABLE;
        }
        return VALIDATION_FAILED;
    }

    /**
     * The page for the eID-Client's error return ({@code ResultMajor=error&ResultMinor=...},
     * BSI TR-03124-1): the minor codes it defines for the refresh address.
     */
    public static CitizenProblem ofClientResult(String resultMinor) {
        String code = resultMinor == null ? "" : resultMinor.substring(resultMinor.lastIndexOf('#') + 1);
        return switch (code) {
            case "cancellationByUser" -> CANCELLED;
            case "communicationError", "trustedChannelEstablishmentFailed", "serverError" -> SERVER_UNREACHABLE;
            case "clientError" -> CLIENT_ERROR;
            default -> EID_FAILED;
        };
    }
}
