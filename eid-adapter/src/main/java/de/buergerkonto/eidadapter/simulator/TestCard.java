package de.buergerkonto.eidadapter.simulator;

import java.util.Set;

/**
 * The simulated eID-Server's test cards. Erika Mustermann carries the BSI test card's data; the
 * other two show an expired card and the card-data pitfalls (unknown day and month of birth,
 * no nationality on cards issued before November 2019).
 */
public enum TestCard {

    ERIKA("Erika Mustermann (BSI-Testausweis)", "ERIKA", "MUSTERMANN", "GABLER", "19640812", "BERLIN",
            "HEIDESTRASSE 17", "KOELN", "51147", "D", "valid", "20311031"),
    EXPIRED("Max Mustermann (abgelaufener Ausweis)", "MAX", "MUSTERMANN", null, "19700115", "HAMBURG",
            "HAUPTSTRASSE 1", "HAMBURG", "20095", "D", "expired", "20230531"),
    PARTIAL_BIRTH_DATE("Anna Beispiel (Geburtstag unbekannt, ohne Staatsangehörigkeit)", "ANNA", "BEISPIEL", null,
            "1958    ", "DANZIG", "AM MARKT 3", "HAGEN", "58095", "", "valid", "20290228");

    private final String label;
    private final String givenNames;
    private final String familyNames;
    private final String birthName;
    private final String dateOfBirth;
    private final String placeOfBirth;
    private final String street;
    private final String city;
    private final String zipCode;
    private final String nationality;
    private final String validity;
    private final String dateOfExpiry;

    TestCard(String label, String givenNames, String familyNames, String birthName, String dateOfBirth,
            String placeOfBirth, String street, String city, String zipCode, String nationality, String validity,
            String dateOfExpiry) {
        this.label = label;
        this.givenNames = givenNames;
        this.familyNames = familyNames;
        this.birthName = birthName;
        this.dateOfBirth = dateOfBirth;
        this.placeOfBirth = placeOfBirth;
        this.street = street;
        this.city = city;
        this.zipCode = zipCode;
        this.nationality = nationality;
        this.validity = validity;
        this.dateOfExpiry = dateOfExpiry;
    }

    public String label() {
        return label;
    }

    /**
     * The attribute elements an eID-Server releases for this card: the ones always needed, and of
     * the others those the request named. A birth name the card does not hold is {@code NOTONCHIP}.
     */
    String attributes(String restrictedId, String referenceDate, Set<String> requested) {
        StringBuilder xml = new StringBuilder()
                .append(EidAssertionXml.restrictedId(restrictedId))
                .append(EidAssertionXml.levelOfAssurance("http://bsi.bund.de/eID/LoA/hoch"))
                .append(EidAssertionXml.documentValidity(validity, referenceDate));
        if (requested.contains("GivenNames")) {
            xml.append(EidAssertionXml.text("GivenNames", givenNames));
        }
        if (requested.contains("FamilyNames")) {
            xml.append(EidAssertionXml.text("FamilyNames", familyNames));
        }
        if (requested.contains("BirthName")) {
            xml.append(EidAssertionXml.text("BirthName", birthName == null ? "NOTONCHIP" : birthName));
        }
        if (requested.contains("DateOfBirth")) {
            xml.append(EidAssertionXml.date("DateOfBirth", dateOfBirth));
        }
        if (requested.contains("PlaceOfBirth")) {
            xml.append(EidAssertionXml.freeTextPlace("PlaceOfBirth", placeOfBirth));
        }
        if (requested.contains("PlaceOfResidence")) {
            xml.append(EidAssertionXml.structuredPlace("PlaceOfResidence", street, city, "D", zipCode));
        }
        if (requested.contains("Nationality")) {
            xml.append(EidAssertionXml.text("Nationality", nationality));
        }
        if (requested.contains("DocumentType")) {
            xml.append(EidAssertionXml.text("DocumentType", "ID"));
        }
        if (requested.contains("IssuingState")) {
            xml.append(EidAssertionXml.text("IssuingState", "D"));
        }
        if (requested.contains("DateOfExpiry")) {
            xml.append(EidAssertionXml.date("DateOfExpiry", dateOfExpiry));
        }
        if (requested.contains("EIDType")) {
            xml.append(EidAssertionXml.cardCertifiedEidType());
        }
        return xml.toString();
    }
}
