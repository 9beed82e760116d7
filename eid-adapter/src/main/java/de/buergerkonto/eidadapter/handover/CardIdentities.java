package de.buergerkonto.eidadapter.handover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import de.buergerkonto.eidadapter.identity.EidIdentity;
import de.buergerkonto.eidadapter.identity.EidPlace;
import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.eidhandover.HandoverClaims;

/**
 * The adapter's validated SAML identity as the protocol-neutral {@link CardIdentity} the handover
 * token carries: absent attributes ({@code NOTONCHIP}, empty, not returned) are left out; places
 * become OpenID Connect address-like objects.
 */
public final class CardIdentities {

    private CardIdentities() {
    }

    public static CardIdentity of(EidIdentity identity) {
        return new CardIdentity(identity.restrictedId(), identity.levelOfAssurance().acr(), identity.authenticatedAt(),
                identity.givenNames().toOptional(),
                identity.familyNames().toOptional(),
                identity.birthName().toOptional(),
                identity.dateOfBirth().toOptional().map(date -> date.toIsoString()),
                identity.placeOfBirth().toOptional().map(place -> place(place, false)).orElse(Map.of()),
                identity.placeOfResidence().toOptional().map(place -> place(place, true)).orElse(Map.of()),
                identity.nationality().toOptional(),
                identity.documentType().toOptional(),
                identity.issuingState().toOptional());
    }

    /** A place of birth keeps locality, region and country; an address also street and postal code. */
    private static Map<String, String> place(EidPlace place, boolean address) {
        Map<String, String> json = new LinkedHashMap<>();
        if (place instanceof EidPlace.FreeText text) {
            json.put(HandoverClaims.FORMATTED, text.text());
        } else if (place instanceof EidPlace.Structured structured) {
            if (address) {
                put(json, HandoverClaims.STREET_ADDRESS, structured.street());
                put(json, HandoverClaims.POSTAL_CODE, structured.zipCode());
            }
            put(json, HandoverClaims.LOCALITY, structured.city());
            put(json, HandoverClaims.REGION, structured.state());
            put(json, HandoverClaims.COUNTRY, structured.country());
        }
        return json;
    }

    private static void put(Map<String, String> json, String name, Optional<String> value) {
        value.ifPresent(text -> json.put(name, text));
    }
}
