package de.buergerkonto.eidhandover;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A handover token the {@link EidHandoverTokenReader} accepted: who the card said the citizen is.
 * Every attribute was read from the card's chip and verified by the eID-Server.
 *
 * <p>{@code toString()} shows no personal data.
 *
 * @param jti the token's ID, already recorded as used
 * @param state the auth-server's {@code state}: the caller must compare it with the one it sent
 * @param purpose login or proof
 * @param restrictedId the card pseudonym (lowercase hex); a new card has a new one
 * @param acr the level, e.g. {@code http://eidas.europa.eu/LoA/high}
 * @param verifiedAt when the card was read
 * @param birthdate {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}
 * @param placeOfBirth {@link HandoverClaims#LOCALITY}, ... or {@link HandoverClaims#FORMATTED}; empty map when absent
 * @param address {@link HandoverClaims#STREET_ADDRESS}, ... or {@link HandoverClaims#FORMATTED}; empty map when absent
 */
public record EidHandover(
        String jti,
        String state,
        Purpose purpose,
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

    public EidHandover {
        placeOfBirth = Map.copyOf(placeOfBirth);
        address = Map.copyOf(address);
    }

    @Override
    public String toString() {
        return "EidHandover[" + purpose + ", acr=" + acr + ", verifiedAt=" + verifiedAt + "]";
    }
}
