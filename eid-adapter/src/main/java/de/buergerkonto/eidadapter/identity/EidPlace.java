package de.buergerkonto.eidadapter.identity;

import java.util.Optional;

/**
 * A place of birth or of residence as the card holds it: structured (the eID schema's
 * {@code GeneralPlaceType/StructuredPlace}), or free text (e.g. a place of birth abroad).
 * "No place information" is not a place: it is {@link AbsenceReason#NO_PLACE_INFO}.
 */
public sealed interface EidPlace permits EidPlace.Structured, EidPlace.FreeText {

    /** Street, city, state, country and postal code, each only as far as the card has it. */
    record Structured(Optional<String> street, Optional<String> city, Optional<String> state,
            Optional<String> country, Optional<String> zipCode) implements EidPlace {

        @Override
        public String toString() {
            return "Structured[***]";
        }
    }

    /** A place the card holds as one line of text. */
    record FreeText(String text) implements EidPlace {

        @Override
        public String toString() {
            return "FreeText[***]";
        }
    }
}
