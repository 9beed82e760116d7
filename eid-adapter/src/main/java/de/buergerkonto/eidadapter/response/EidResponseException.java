package de.buergerkonto.eidadapter.response;

import java.util.Objects;
import java.util.Optional;

/**
 * An eID response refused by {@link EidResponseValidator}: which step refused it
 * ({@link #error()}) and, for failures on the eID side, what the citizen should be told
 * ({@link #statusReason()}).
 *
 * <p>A checked exception, so that no caller can forget the refusal path. Its message is a fixed
 * description plus at most a technical detail; it never quotes the response, which holds
 * personal data.
 */
public final class EidResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final EidError error;
    private final EidStatusReason statusReason;

    EidResponseException(EidError error, String detail) {
        this(error, null, detail, null);
    }

    EidResponseException(EidError error, String detail, Throwable cause) {
        this(error, null, detail, cause);
    }

    EidResponseException(EidError error, EidStatusReason statusReason, String detail, Throwable cause) {
        super(error.description() + (detail == null ? "" : ": " + detail), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.statusReason = statusReason;
    }

    public EidError error() {
        return error;
    }

    /** Set for {@link EidError#STATUS_NOT_SUCCESS} and {@link EidError#DOCUMENT_NOT_VALID}. */
    public Optional<EidStatusReason> statusReason() {
        return Optional.ofNullable(statusReason);
    }
}
