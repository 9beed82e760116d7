package de.buergerkonto.eidadapter.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * A citizen as a validated eID response describes them: the card- and service-provider-specific
 * pseudonym, the level the eID-Server vouches for, and the card attributes it released.
 *
 * <p>The pseudonym ({@code RestrictedID}) changes with a new card; it identifies a card for us,
 * not a person for everyone. {@code toString()} shows no personal data.
 *
 * @param restrictedId the pseudonym, lowercase hex (TR-03130 {@code RestrictedID})
 * @param levelOfAssurance the eID-Server's {@code LevelOfAssurance} on our scale
 * @param documentValidity the eID-Server's verdict on the document
 * @param authenticatedAt the assertion's {@code AuthnInstant}
 */
public record EidIdentity(
        String restrictedId,
        AssuranceLevel levelOfAssurance,
        DocumentValidity documentValidity,
        Instant authenticatedAt,
        EidAttribute<String> givenNames,
        EidAttribute<String> familyNames,
        EidAttribute<String> birthName,
        EidAttribute<PartialDate> dateOfBirth,
        EidAttribute<EidPlace> placeOfBirth,
        EidAttribute<EidPlace> placeOfResidence,
        EidAttribute<String> nationality,
        EidAttribute<String> documentType,
        EidAttribute<String> issuingState,
        EidAttribute<PartialDate> dateOfExpiry,
        EidAttribute<Set<EidType>> eidType) {

    public EidIdentity {
        Objects.requireNonNull(restrictedId, "restrictedId");
        Objects.requireNonNull(levelOfAssurance, "levelOfAssurance");
        Objects.requireNonNull(documentValidity, "documentValidity");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        Objects.requireNonNull(givenNames, "givenNames");
        Objects.requireNonNull(familyNames, "familyNames");
        Objects.requireNonNull(birthName, "birthName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(placeOfBirth, "placeOfBirth");
        Objects.requireNonNull(placeOfResidence, "placeOfResidence");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(issuingState, "issuingState");
        Objects.requireNonNull(dateOfExpiry, "dateOfExpiry");
        Objects.requireNonNull(eidType, "eidType");
    }

    /** Deliberately without personal data: the level and the time only. */
    @Override
    public String toString() {
        return "EidIdentity[level=" + levelOfAssurance + ", authenticatedAt=" + authenticatedAt + "]";
    }
}
