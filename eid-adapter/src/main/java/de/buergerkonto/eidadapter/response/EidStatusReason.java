package de.buergerkonto.eidadapter.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;

/**
 * What the eID side says went wrong, in the terms a citizen's error page needs.
 *
 * <p>TR-03130 eID-Servers report card and client failures as eCard-API result minor codes
 * (TR-03112), e.g. {@code http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal#cancellationByUser},
 * carried in the SAML {@code StatusMessage} ("An error was reported from eCardAPI: ...") or as a
 * nested {@code StatusCode}. We look for such a code in both and map its fragment (the codes of
 * the eCard-API list; the AusweisApp handles most PIN retries itself, so a wrong PIN rarely
 * reaches us); anything we do not recognise is {@link #OTHER}.
 */
public enum EidStatusReason {

    /** The citizen cancelled in the AusweisApp. */
    CANCELLED_BY_USER,
    /** A wrong PIN (or CAN/PUK) was entered. */
    WRONG_PIN,
    /** The PIN is blocked or suspended: the citizen needs the PUK or CAN. */
    PIN_BLOCKED,
    /** The card is expired. */
    CARD_EXPIRED,
    /** The card is revoked (reported lost or stolen). */
    CARD_REVOKED,
    /** The document validity check failed, without saying whether expired or revoked. */
    DOCUMENT_NOT_VALID,
    /** Any other failure: network, server, client, or a code we do not know. */
    OTHER;

    private static final Pattern RESULT_MINOR =
            Pattern.compile("http://www\\.bsi\\.bund\\.de/ecard/api/1\\.1/resultminor/[A-Za-z0-9/]*#([A-Za-z]+)");

    /** The reason for a non-success {@code Status}. */
    public static EidStatusReason of(Status status) {
        List<String> texts = new ArrayList<>();
        for (StatusCode code = status.getStatusCode(); code != null; code = code.getStatusCode()) {
            if (code.getValue() != null) {
                texts.add(code.getValue());
            }
        }
        StatusMessage message = status.getStatusMessage();
        if (message != null && message.getValue() != null) {
            texts.add(message.getValue());
        }
        return texts.stream()
                .map(EidStatusReason::fromText)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(OTHER);
    }

    /** The reason for a result minor code (full URI or just the fragment). */
    static Optional<EidStatusReason> fromText(String text) {
        Matcher matcher = RESULT_MINOR.matcher(text);
        if (matcher.find()) {
            return Optional.of(fromFragment(matcher.group(1)));
        }
        return Optional.empty();
    }

    private static EidStatusReason fromFragment(String fragment) {
        return switch (fragment.toLowerCase(Locale.ROOT)) {
            case "cancellationbyuser", "cancelationbyuser" -> CANCELLED_BY_USER;
            case "wrongreferencedata" -> WRONG_PIN;
            case "referencedatablocked" -> PIN_BLOCKED;
            case "documentvalidityverificationfailed" -> DOCUMENT_NOT_VALID;
            default -> OTHER;
        };
    }
}
