package de.buergerkonto.eidadapter.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import de.buergerkonto.eidadapter.identity.AbsenceReason;
import de.buergerkonto.eidadapter.identity.DocumentValidity;
import de.buergerkonto.eidadapter.identity.EidAttribute;
import de.buergerkonto.eidadapter.identity.EidIdentity;
import de.buergerkonto.eidadapter.identity.EidPlace;
import de.buergerkonto.eidadapter.identity.PartialDate;
import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.eidhandover.HandoverClaims;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** The card's SAML attributes as the handover token carries them. */
class CardIdentitiesTest {

    private static final Instant READ = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void ofWhenErikaThenPlacesAndPartialDateMappedAndAbsentAttributesLeftOut() {
        EidIdentity erika = new EidIdentity("0f01ab", AssuranceLevel.HIGH,
                new DocumentValidity(DocumentValidity.Status.VALID, Optional.empty()), READ,
                EidAttribute.present("ERIKA"), EidAttribute.present("MUSTERMANN"), EidAttribute.absent(AbsenceReason.NOT_ON_CHIP),
                EidAttribute.present(PartialDate.parse("1964    ")),
                EidAttribute.present(new EidPlace.FreeText("BERLIN")),
                EidAttribute.present(new EidPlace.Structured(Optional.of("HEIDESTRASSE 17"), Optional.of("KOELN"),
                        Optional.empty(), Optional.of("D"), Optional.of("51147"))),
                EidAttribute.absent(AbsenceReason.EMPTY), EidAttribute.present("ID"), EidAttribute.present("D"),
                EidAttribute.absent(AbsenceReason.NOT_RETURNED), EidAttribute.absent(AbsenceReason.NOT_RETURNED));

        CardIdentity card = CardIdentities.of(erika);

        assertThat(card.restrictedId()).isEqualTo("0f01ab");
        assertThat(card.acr()).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(card.verifiedAt()).isEqualTo(READ);
        assertThat(card.givenName()).contains("ERIKA");
        assertThat(card.birthFamilyName()).isEmpty();
        assertThat(card.birthdate()).contains("1964");
        assertThat(card.placeOfBirth()).containsExactlyEntriesOf(Map.of(HandoverClaims.FORMATTED, "BERLIN"));
        assertThat(card.address()).containsEntry(HandoverClaims.STREET_ADDRESS, "HEIDESTRASSE 17")
                .containsEntry(HandoverClaims.POSTAL_CODE, "51147").containsEntry(HandoverClaims.LOCALITY, "KOELN")
                .containsEntry(HandoverClaims.COUNTRY, "D").doesNotContainKey(HandoverClaims.REGION);
        assertThat(card.nationality()).isEmpty();
        assertThat(card.documentType()).contains("ID");
    }
}
