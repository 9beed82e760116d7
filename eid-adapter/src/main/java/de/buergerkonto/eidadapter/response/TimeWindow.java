package de.buergerkonto.eidadapter.response;

import java.time.Duration;
import java.time.Instant;

/**
 * The two edges of a validity window, both widened by the allowed clock skew: valid from
 * {@code notBefore - skew} inclusive until {@code notOnOrAfter + skew} exclusive (SAML 2.0 core
 * 2.5.1.2: {@code NotOnOrAfter} is the first instant that is no longer valid).
 */
final class TimeWindow {

    private final Duration skew;

    TimeWindow(Duration skew) {
        this.skew = skew;
    }

    void requireStarted(Instant notBefore, Instant now, String what) throws EidResponseException {
        if (notBefore != null && now.isBefore(notBefore.minus(skew))) {
            throw new EidResponseException(EidError.NOT_YET_VALID, what);
        }
    }

    void requireNotEnded(Instant notOnOrAfter, Instant now, String what) throws EidResponseException {
        if (notOnOrAfter != null && !now.isBefore(notOnOrAfter.plus(skew))) {
            throw new EidResponseException(EidError.EXPIRED, what);
        }
    }

    /** Until when an assertion ending at {@code notOnOrAfter} could still be accepted. */
    Instant acceptableUntil(Instant notOnOrAfter) {
        return notOnOrAfter.plus(skew);
    }
}
