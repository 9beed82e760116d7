package de.buergerkonto.authserver.eid;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import de.buergerkonto.eidhandover.CardIdentity;

/**
 * What the ID card proved about an account's holder, kept with the account: the card it was read
 * from (as {@link CardPseudonyms HMAC}), where it came from ({@value #SOURCE_EID}), when, and the
 * attributes as the card holds them (OpenID Connect claim names; null or empty when the card
 * does not hold one). Released to services only as {@code verified_claims}. The local run's demo
 * citizen has one from the source {@value #SOURCE_DEMO_FIXTURE}, without a card.
 *
 * <p>{@code toString()} shows no personal data.
 */
public record VerifiedIdentity(
        String cardPseudonym,
        String source,
        Instant verifiedAt,
        String givenName,
        String familyName,
        String birthFamilyName,
        String birthdate,
        Map<String, String> placeOfBirth,
        Map<String, String> address,
        String nationality,
        String documentType,
        String issuingState) {

    public static final String SOURCE_EID = "eID";
    /** The local run's stand-in for an ID card proof (profile {@code local} only): no card, no document evidence. */
    public static final String SOURCE_DEMO_FIXTURE = "demo fixture";

    public VerifiedIdentity {
        if (SOURCE_EID.equals(source)) {
            Objects.requireNonNull(cardPseudonym, "cardPseudonym");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        placeOfBirth = placeOfBirth == null ? Map.of() : Map.copyOf(placeOfBirth);
        address = address == null ? Map.of() : Map.copyOf(address);
    }

    static VerifiedIdentity fromCard(String cardPseudonym, CardIdentity card) {
        return new VerifiedIdentity(cardPseudonym, SOURCE_EID, card.verifiedAt(),
                card.givenName().orElse(null), card.familyName().orElse(null), card.birthFamilyName().orElse(null),
                card.birthdate().orElse(null), card.placeOfBirth(), card.address(), card.nationality().orElse(null),
                card.documentType().orElse(null), card.issuingState().orElse(null));
    }

    /** The demo fixture of the local run: data as an ID card would hold it, no card linked (so the card cannot log into the account). */
    public static VerifiedIdentity demoFixture(Instant verifiedAt, String givenName, String familyName, String birthdate,
            Map<String, String> address) {
        return new VerifiedIdentity(null, SOURCE_DEMO_FIXTURE, verifiedAt, givenName, familyName, null, birthdate,
                Map.of(), address, null, null, null);
    }

    /** Whether the data was read from an ID card, which is linked to the account (not so for the demo fixture). */
    boolean cardLinked() {
        return cardPseudonym != null;
    }

    /** Same person by the rule for a new card: given names, family name and date of birth as stored. */
    boolean samePersonAs(CardIdentity card) {
        return givenName != null && familyName != null && birthdate != null
                && card.givenName().filter(givenName::equals).isPresent()
                && card.familyName().filter(familyName::equals).isPresent()
                && card.birthdate().filter(birthdate::equals).isPresent();
    }

    @Override
    public String toString() {
        return "VerifiedIdentity[source=" + source + ", verifiedAt=" + verifiedAt + "]";
    }
}
