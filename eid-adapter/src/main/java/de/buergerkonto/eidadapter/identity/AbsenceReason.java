package de.buergerkonto.eidadapter.identity;

/** Why an attribute of the card has no value. None of these is an error by itself. */
public enum AbsenceReason {
    /** The eID-Server did not return the attribute (not requested, or not released). */
    NOT_RETURNED,
    /** The field does not exist on this card ({@code NOTONCHIP}), e.g. no birth name, an older card. */
    NOT_ON_CHIP,
    /** Our authorization certificate does not allow reading it, or the citizen deselected it ({@code PROHIBITED}). */
    PROHIBITED,
    /** Present but empty, as nationality is on cards issued before November 2019. */
    EMPTY,
    /** A place attribute saying there is no place information ({@code NoPlaceInfo}). */
    NO_PLACE_INFO
}
