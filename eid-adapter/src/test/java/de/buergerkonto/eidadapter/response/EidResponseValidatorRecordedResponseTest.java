package de.buergerkonto.eidadapter.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import de.buergerkonto.eidadapter.identity.AbsenceReason;
import de.buergerkonto.eidadapter.identity.DocumentValidity;
import de.buergerkonto.eidadapter.identity.EidIdentity;
import de.buergerkonto.eidadapter.identity.EidType;
import de.buergerkonto.trustlevel.AssuranceLevel;

/** The recorded response of a real eID-Server passes the whole pipeline. */
class EidResponseValidatorRecordedResponseTest {

    @Test
    void validateWhenRecordedResponseInsideItsWindowThenExpectedIdentity() throws Exception {
        EidResponseValidator validator = new EidResponseValidator(RecordedResponse.settings(),
                new InMemoryReplayCache(), RecordedResponse.clockAt(RecordedResponse.ACCEPT_AT));

        EidIdentity identity = validator.validate(RecordedResponse.RAW_QUERY, RecordedResponse.expectedResponse());

        assertThat(identity.restrictedId()).isEqualTo(RecordedResponse.expected("$.attributes.RestrictedID"));
        assertThat(identity.givenNames().toOptional()).contains(RecordedResponse.expected("$.attributes.GivenNames"));
        assertThat(identity.familyNames().toOptional()).contains(RecordedResponse.expected("$.attributes.FamilyNames"));
        assertThat(identity.levelOfAssurance()).isEqualTo(AssuranceLevel.HIGH);
        assertThat(identity.documentValidity().status()).isEqualTo(DocumentValidity.Status.VALID);
        assertThat(identity.documentValidity().referenceDate()).hasValueSatisfying(
                date -> assertThat(date).hasToString("2024-01-24"));
        assertThat(identity.eidType().toOptional()).contains(Set.of(EidType.CARD_CERTIFIED));
        assertThat(identity.authenticatedAt()).isEqualTo(RecordedResponse.ISSUE_INSTANT);
        assertThat(identity.dateOfBirth().absenceReason()).contains(AbsenceReason.NOT_RETURNED);
        assertThat(identity.placeOfResidence().absenceReason()).contains(AbsenceReason.NOT_RETURNED);
    }

    @Test
    void toStringWhenIdentityValidatedThenNoPersonalData() throws Exception {
        EidResponseValidator validator = new EidResponseValidator(RecordedResponse.settings(),
                new InMemoryReplayCache(), RecordedResponse.clockAt(RecordedResponse.ACCEPT_AT));

        EidIdentity identity = validator.validate(RecordedResponse.RAW_QUERY, RecordedResponse.expectedResponse());

        assertThat(identity.toString())
                .doesNotContain("ERIKA", "MUSTERMANN", identity.restrictedId())
                .contains("HIGH");
    }
}
