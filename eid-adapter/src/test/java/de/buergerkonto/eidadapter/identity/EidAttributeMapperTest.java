package de.buergerkonto.eidadapter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensaml.saml.saml2.core.Assertion;

import de.buergerkonto.eidadapter.identity.AttributeMappingException.Problem;
import de.buergerkonto.eidadapter.saml.SamlMessageParser;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Attribute values in the shapes eID-Servers send (the recorded Governikus response for
 * RestrictedID, LevelOfAssurance, DocumentValidity, EIDType and the names; the eID schema's
 * GeneralDateType and GeneralPlaceType for dates and places).
 */
class EidAttributeMapperTest {

    private static final Instant AUTHN_INSTANT = Instant.parse("2024-01-24T09:42:07.652Z");
    private static final String REQUIRED = attribute("RestrictedID",
            "<saml2:AttributeValue xsi:type=\"eid:RestrictedIDType\"><eid:ID>0F012961E066</eid:ID></saml2:AttributeValue>")
            + attribute("LevelOfAssurance",
            "<saml2:AttributeValue xsi:type=\"eid:LevelOfAssuranceType\">http://bsi.bund.de/eID/LoA/hoch</saml2:AttributeValue>")
            + attribute("DocumentValidity",
            "<saml2:AttributeValue xsi:type=\"eid:DocumentValidityResultType\"><eid:ReferenceDate>2024-01-24"
                    + "</eid:ReferenceDate><eid:Status>valid</eid:Status></saml2:AttributeValue>");

    private final SamlMessageParser parser = new SamlMessageParser();
    private final EidAttributeMapper mapper = new EidAttributeMapper();

    @Test
    void mapWhenOnlyRequiredAttributesThenOthersAbsentAsNotReturned() throws Exception {
        EidIdentity identity = map(REQUIRED);

        assertThat(identity.restrictedId()).isEqualTo("0f012961e066");
        assertThat(identity.levelOfAssurance()).isEqualTo(AssuranceLevel.HIGH);
        assertThat(identity.documentValidity().isValid()).isTrue();
        assertThat(identity.documentValidity().referenceDate()).contains(LocalDate.of(2024, 1, 24));
        assertThat(identity.authenticatedAt()).isEqualTo(AUTHN_INSTANT);
        assertThat(identity.givenNames().absenceReason()).contains(AbsenceReason.NOT_RETURNED);
        assertThat(identity.nationality().absenceReason()).contains(AbsenceReason.NOT_RETURNED);
    }

    @Test
    void mapWhenErikaMustermannThenEveryAttribute() throws Exception {
        EidIdentity identity = map(REQUIRED
                + string("GivenNames", "ERIKA") + string("FamilyNames", "MUSTERMANN") + string("BirthName", "GABLER")
                + date("DateOfBirth", "19640812", "1964-08-12")
                + attribute("PlaceOfBirth", "<saml2:AttributeValue xsi:type=\"eid:GeneralPlaceType\">"
                        + "<eid:FreetextPlace>BERLIN</eid:FreetextPlace></saml2:AttributeValue>")
                + attribute("PlaceOfResidence", "<saml2:AttributeValue xsi:type=\"eid:GeneralPlaceType\">"
                        + "<eid:StructuredPlace><eid:Street>HEIDESTRASSE 17</eid:Street><eid:City>KOELN</eid:City>"
                        + "<eid:Country>D</eid:Country><eid:ZipCode>51147</eid:ZipCode></eid:StructuredPlace>"
                        + "</saml2:AttributeValue>")
                + string("Nationality", "D") + string("DocumentType", "ID") + string("IssuingState", "D")
                + date("DateOfExpiry", "20310831", null)
                + attribute("EIDType", "<saml2:AttributeValue xsi:type=\"eid:EIDTypeResponseType\">"
                        + "<eid:CardCertified>USED</eid:CardCertified><eid:SECertified>NOTUSED</eid:SECertified>"
                        + "</saml2:AttributeValue>"));

        assertThat(identity.givenNames().toOptional()).contains("ERIKA");
        assertThat(identity.familyNames().toOptional()).contains("MUSTERMANN");
        assertThat(identity.birthName().toOptional()).contains("GABLER");
        assertThat(identity.dateOfBirth().toOptional().flatMap(PartialDate::toLocalDate))
                .contains(LocalDate.of(1964, 8, 12));
        assertThat(identity.placeOfBirth().toOptional()).contains(new EidPlace.FreeText("BERLIN"));
        assertThat(identity.placeOfResidence().toOptional()).contains(new EidPlace.Structured(
                Optional.of("HEIDESTRASSE 17"), Optional.of("KOELN"), Optional.empty(), Optional.of("D"),
                Optional.of("51147")));
        assertThat(identity.nationality().toOptional()).contains("D");
        assertThat(identity.documentType().toOptional()).contains("ID");
        assertThat(identity.issuingState().toOptional()).contains("D");
        assertThat(identity.dateOfExpiry().toOptional().flatMap(PartialDate::toLocalDate))
                .contains(LocalDate.of(2031, 8, 31));
        assertThat(identity.eidType().toOptional()).contains(Set.of(EidType.CARD_CERTIFIED));
    }

    @Test
    void mapWhenDayAndMonthOfBirthUnknownThenPartialDateWithYearOnly() throws Exception {
        EidIdentity identity = map(REQUIRED + date("DateOfBirth", "1964    ", null));

        PartialDate dateOfBirth = identity.dateOfBirth().toOptional().orElseThrow();
        assertThat(dateOfBirth.year().getValue()).isEqualTo(1964);
        assertThat(dateOfBirth.month()).isEmpty();
        assertThat(dateOfBirth.isComplete()).isFalse();
    }

    @Test
    void mapWhenDayOfBirthUnknownThenPartialDateWithYearAndMonth() throws Exception {
        EidIdentity identity = map(REQUIRED + date("DateOfBirth", "196408  ", null));

        assertThat(identity.dateOfBirth().toOptional().orElseThrow().month()).contains(Month.AUGUST);
    }

    @Test
    void mapWhenNotOnChipOrProhibitedThenAbsentWithThatReasonNeverTheWord() throws Exception {
        EidIdentity identity = map(REQUIRED + string("BirthName", "NOTONCHIP") + string("Nationality", "PROHIBITED")
                + attribute("DateOfBirth", "<saml2:AttributeValue xsi:type=\"eid:GeneralDateType\">NOTONCHIP"
                        + "</saml2:AttributeValue>")
                + attribute("PlaceOfResidence", "<saml2:AttributeValue xsi:type=\"eid:GeneralPlaceType\">PROHIBITED"
                        + "</saml2:AttributeValue>"));

        assertThat(identity.birthName().absenceReason()).contains(AbsenceReason.NOT_ON_CHIP);
        assertThat(identity.nationality().absenceReason()).contains(AbsenceReason.PROHIBITED);
        assertThat(identity.dateOfBirth().absenceReason()).contains(AbsenceReason.NOT_ON_CHIP);
        assertThat(identity.placeOfResidence().absenceReason()).contains(AbsenceReason.PROHIBITED);
    }

    @Test
    void mapWhenNationalityEmptyAsOnOlderCardsThenAbsentAsEmpty() throws Exception {
        EidIdentity identity = map(REQUIRED + string("Nationality", ""));

        assertThat(identity.nationality().absenceReason()).contains(AbsenceReason.EMPTY);
    }

    @Test
    void mapWhenNoPlaceInfoThenAbsentAsNoPlaceInfo() throws Exception {
        EidIdentity identity = map(REQUIRED + attribute("PlaceOfBirth",
                "<saml2:AttributeValue xsi:type=\"eid:GeneralPlaceType\"><eid:NoPlaceInfo>keine Angabe</eid:NoPlaceInfo>"
                        + "</saml2:AttributeValue>"));

        assertThat(identity.placeOfBirth().absenceReason()).contains(AbsenceReason.NO_PLACE_INFO);
    }

    @ParameterizedTest
    @CsvSource({
            "http://bsi.bund.de/eID/LoA/hoch, HIGH",
            "http://bsi.bund.de/eID/LoA/substantiell, SUBSTANTIAL",
            "http://bsi.bund.de/eID/LoA/normal, LOW"})
    void mapWhenEidServerLevelThenOurLevel(String uri, AssuranceLevel level) throws Exception {
        String attributes = REQUIRED.replace("http://bsi.bund.de/eID/LoA/hoch", uri);

        assertThat(map(attributes).levelOfAssurance()).isEqualTo(level);
    }

    @Test
    void mapWhenDocumentExpiredThenStatusExpired() throws Exception {
        EidIdentity identity = map(REQUIRED.replace(">valid<", ">expired<"));

        assertThat(identity.documentValidity().status()).isEqualTo(DocumentValidity.Status.EXPIRED);
        assertThat(identity.documentValidity().isValid()).isFalse();
    }

    @Test
    void mapWhenRestrictedIdMissingThenMissing() {
        assertProblem(REQUIRED.replace("Name=\"RestrictedID\"", "Name=\"SomethingElse\""), Problem.MISSING,
                "RestrictedID");
    }

    @Test
    void mapWhenRestrictedIdNotOnChipThenMissing() {
        assertProblem(REQUIRED.replace("<eid:ID>0F012961E066</eid:ID>", "NOTONCHIP"), Problem.MISSING, "RestrictedID");
    }

    @Test
    void mapWhenRestrictedIdNotHexThenMalformed() {
        assertProblem(REQUIRED.replace("0F012961E066", "0F01-2961"), Problem.MALFORMED, "RestrictedID");
    }

    @Test
    void mapWhenLevelOfAssuranceUnknownThenMalformed() {
        assertProblem(REQUIRED.replace("http://bsi.bund.de/eID/LoA/hoch", "http://bsi.bund.de/eID/LoA/undefiniert"),
                Problem.MALFORMED, "LevelOfAssurance");
    }

    @Test
    void mapWhenLevelOfAssuranceMissingThenMissing() {
        assertProblem(REQUIRED.replace("Name=\"LevelOfAssurance\"", "Name=\"Other\""), Problem.MISSING,
                "LevelOfAssurance");
    }

    @Test
    void mapWhenAttributeSentTwiceThenMalformed() {
        assertProblem(REQUIRED + string("GivenNames", "ERIKA") + string("GivenNames", "MALLORY"), Problem.MALFORMED,
                "GivenNames");
    }

    @Test
    void mapWhenAttributeHasTwoValuesThenMalformed() {
        assertProblem(REQUIRED + attribute("GivenNames",
                "<saml2:AttributeValue xsi:type=\"xsd:string\">ERIKA</saml2:AttributeValue>"
                        + "<saml2:AttributeValue xsi:type=\"xsd:string\">MALLORY</saml2:AttributeValue>"),
                Problem.MALFORMED, "GivenNames");
    }

    @Test
    void mapWhenDateOfBirthNotADateThenMalformed() {
        assertProblem(REQUIRED + date("DateOfBirth", "1964  12", null), Problem.MALFORMED, "DateOfBirth");
    }

    @Test
    void mapWhenDateStringTwiceThenMalformed() {
        assertProblem(REQUIRED + attribute("DateOfBirth", "<saml2:AttributeValue xsi:type=\"eid:GeneralDateType\">"
                + "<eid:DateString>19640812</eid:DateString><eid:DateString>19700101</eid:DateString>"
                + "</saml2:AttributeValue>"), Problem.MALFORMED, "DateOfBirth");
    }

    private void assertProblem(String attributes, Problem problem, String attributeName) {
        assertThatExceptionOfType(AttributeMappingException.class)
                .isThrownBy(() -> map(attributes))
                .satisfies(e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.attributeName()).isEqualTo(attributeName);
                });
    }

    private EidIdentity map(String attributes) throws Exception {
        String xml = "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                + " xmlns:eid=\"http://bsi.bund.de/eID/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ID=\"_a\" Version=\"2.0\""
                + " IssueInstant=\"2024-01-24T09:42:07.652Z\"><saml2:Issuer>https://eid.example</saml2:Issuer>"
                + "<saml2:AttributeStatement>" + attributes + "</saml2:AttributeStatement></saml2:Assertion>";
        Assertion assertion = parser.parse(xml.getBytes(StandardCharsets.UTF_8), Assertion.class);
        return mapper.map(assertion, AUTHN_INSTANT);
    }

    private static String attribute(String name, String values) {
        return "<saml2:Attribute Name=\"" + name + "\">" + values + "</saml2:Attribute>";
    }

    private static String string(String name, String value) {
        return attribute(name, "<saml2:AttributeValue xsi:type=\"xsd:string\">" + value + "</saml2:AttributeValue>");
    }

    private static String date(String name, String dateString, String dateValue) {
        return attribute(name, "<saml2:AttributeValue xsi:type=\"eid:GeneralDateType\"><eid:DateString>" + dateString
                + "</eid:DateString>" + (dateValue == null ? "" : "<eid:DateValue>" + dateValue + "</eid:DateValue>")
                + "</saml2:AttributeValue>");
    }
}
