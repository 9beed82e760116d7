package de.buergerkonto.eidhandover;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the eID-Server verified from the card, as the {@link EidHandoverTokenWriter} puts it into
 * the token: the protocol-neutral form, so this module does not depend on the adapter's SAML
 * attribute model. Absent attributes are empty.
 *
 * <p>{@code toString()} shows no personal data.
 *
 * @param restrictedId the card pseudonym (lowercase hex)
 * @param acr the level, e.g. {@code http://eidas.europa.eu/LoA/high}
 * @param verifiedAt when the card was read
 * @param birthdate {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}
 * @param placeOfBirth {@link HandoverClaims#LOCALITY}, ... or {@link HandoverClaims#FORMATTED}; empty map when absent
 * @param address {@link HandoverClaims#STREET_ADDRESS}, ... or {@link HandoverClaims#FORMATTED}; empty map when absent
 */
public record CardIdentity(
        String restrictedId,
        String acr,
        Instant verifiedAt,
        Optional<String> givenName,
        Optional<String> familyName,
        Optional<String> birthFamilyName,
        Optional<String> birthdate,
        Map<String, String> placeOfBirth,
        Map<String, String> address,
        Optional<String> nationality,
        Optional<String> documentType,
        Optional<String> issuingState) {

    public CardIdentity {
        placeOfBirth = Map.copyOf(placeOfBirth);
        address = Map.copyOf(address);
    }

    @Override
    public String toString() {
        return "CardIdentity[acr=" + acr + ", verifiedAt=" + verifiedAt + "]";
    }
}
