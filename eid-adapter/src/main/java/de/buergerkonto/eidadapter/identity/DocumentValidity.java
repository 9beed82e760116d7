package de.buergerkonto.eidadapter.identity;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The eID-Server's verdict on the document ({@code DocumentValidity}: status and the date it
 * refers to).
 *
 * @param status what the eID-Server found
 * @param referenceDate the day the verdict refers to, when given
 */
public record DocumentValidity(Status status, Optional<LocalDate> referenceDate) {

    /** The document's state. Anything the eID-Server says that we do not know is {@link #OTHER}. */
    public enum Status {
        VALID, EXPIRED, REVOKED, OTHER;

        static Status parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "valid" -> VALID;
                case "expired" -> EXPIRED;
                case "revoked" -> REVOKED;
                default -> OTHER;
            };
        }
    }

    public boolean isValid() {
        return status == Status.VALID;
    }
}
