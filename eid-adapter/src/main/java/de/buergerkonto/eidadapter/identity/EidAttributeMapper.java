package de.buergerkonto.eidadapter.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;

import de.buergerkonto.eidadapter.identity.AttributeMappingException.Problem;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Maps the attributes of a validated, decrypted eID assertion (TR-03130, attributes by their
 * plain names) to an {@link EidIdentity}.
 *
 * <p>Required: {@code RestrictedID}, {@code LevelOfAssurance} and {@code DocumentValidity}: we
 * always request them, and without them we cannot say whose card it was, how strong the login
 * is, or whether the document was valid. Every other attribute may be absent, with its reason;
 * {@code NOTONCHIP} and {@code PROHIBITED} become such reasons, never values. An attribute sent
 * twice, or with more than one value, is refused as ambiguous.
 */
public final class EidAttributeMapper {

    static final String RESTRICTED_ID = "RestrictedID";
    static final String LEVEL_OF_ASSURANCE = "LevelOfAssurance";
    static final String DOCUMENT_VALIDITY = "DocumentValidity";
    static final String GIVEN_NAMES = "GivenNames";
    static final String FAMILY_NAMES = "FamilyNames";
    static final String BIRTH_NAME = "BirthName";
    static final String DATE_OF_BIRTH = "DateOfBirth";
    static final String PLACE_OF_BIRTH = "PlaceOfBirth";
    static final String PLACE_OF_RESIDENCE = "PlaceOfResidence";
    static final String NATIONALITY = "Nationality";
    static final String DOCUMENT_TYPE = "DocumentType";
    static final String ISSUING_STATE = "IssuingState";
    static final String DATE_OF_EXPIRY = "DateOfExpiry";
    static final String EID_TYPE = "EIDType";

    private static final String NOT_ON_CHIP = "NOTONCHIP";
    private static final String PROHIBITED = "PROHIBITED";
    private static final String USED = "USED";
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");

    /** eID-Server LoA URIs (TR-03130) on our scale; "normal" is below substantial, i.e. low. */
    private static final Map<String, AssuranceLevel> LEVELS = Map.of(
            "http://bsi.bund.de/eID/LoA/hoch", AssuranceLevel.HIGH,
            "http://bsi.bund.de/eID/LoA/substantiell", AssuranceLevel.SUBSTANTIAL,
            "http://bsi.bund.de/eID/LoA/normal", AssuranceLevel.LOW);

    /**
     * Maps {@code assertion}'s attribute statements.
     *
     * @throws AttributeMappingException when a required attribute is missing or any attribute is malformed
     */
    public EidIdentity map(Assertion assertion, Instant authenticatedAt) throws AttributeMappingException {
        Map<String, XMLObject> values = singleValues(assertion);
        return new EidIdentity(
                restrictedId(required(values, RESTRICTED_ID)),
                levelOfAssurance(required(values, LEVEL_OF_ASSURANCE)),
                documentValidity(required(values, DOCUMENT_VALIDITY)),
                authenticatedAt,
                string(values, GIVEN_NAMES),
                string(values, FAMILY_NAMES),
                string(values, BIRTH_NAME),
                date(values, DATE_OF_BIRTH),
                place(values, PLACE_OF_BIRTH),
                place(values, PLACE_OF_RESIDENCE),
                string(values, NATIONALITY),
                string(values, DOCUMENT_TYPE),
                string(values, ISSUING_STATE),
                date(values, DATE_OF_EXPIRY),
                eidType(values));
    }

    /** Each attribute name once, with exactly one value; an attribute without values counts as absent. */
    private static Map<String, XMLObject> singleValues(Assertion assertion) throws AttributeMappingException {
        Map<String, XMLObject> values = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                String name = attribute.getName();
                if (name == null) {
                    throw new AttributeMappingException(Problem.MALFORMED, "(unnamed)", "attribute without a name");
                }
                if (!seen.add(name)) {
                    throw new AttributeMappingException(Problem.MALFORMED, name, "sent more than once");
                }
                List<XMLObject> attributeValues = attribute.getAttributeValues();
                if (attributeValues.size() > 1) {
                    throw new AttributeMappingException(Problem.MALFORMED, name, "more than one value");
                }
                if (attributeValues.size() == 1) {
                    values.put(name, attributeValues.get(0));
                }
            }
        }
        return values;
    }

    private static XMLObject required(Map<String, XMLObject> values, String name) throws AttributeMappingException {
        XMLObject value = values.get(name);
        if (value == null) {
            throw new AttributeMappingException(Problem.MISSING, name, "required, not in the response");
        }
        Optional<AbsenceReason> marker = marker(value);
        if (marker.isPresent()) {
            throw new AttributeMappingException(Problem.MISSING, name, "required, but " + marker.get());
        }
        return value;
    }

    /** {@code NOTONCHIP} / {@code PROHIBITED} in place of a value. */
    private static Optional<AbsenceReason> marker(XMLObject value) {
        Optional<String> text = AttributeValueReader.text(value).map(String::trim);
        if (text.filter(NOT_ON_CHIP::equals).isPresent()) {
            return Optional.of(AbsenceReason.NOT_ON_CHIP);
        }
        if (text.filter(PROHIBITED::equals).isPresent()) {
            return Optional.of(AbsenceReason.PROHIBITED);
        }
        return Optional.empty();
    }

    private static String restrictedId(XMLObject value) throws AttributeMappingException {
        String id = singleChildText(value, RESTRICTED_ID, "ID")
                .or(() -> AttributeValueReader.text(value))
                .map(String::trim)
                .orElse("");
        if (!HEX.matcher(id).matches()) {
            throw new AttributeMappingException(Problem.MALFORMED, RESTRICTED_ID, "not a hex pseudonym");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private static AssuranceLevel levelOfAssurance(XMLObject value) throws AttributeMappingException {
        String uri = AttributeValueReader.text(value).map(String::trim).orElse("");
        AssuranceLevel level = LEVELS.get(uri);
        if (level == null) {
            throw new AttributeMappingException(Problem.MALFORMED, LEVEL_OF_ASSURANCE, "unknown level");
        }
        return level;
    }

    private static DocumentValidity documentValidity(XMLObject value) throws AttributeMappingException {
        String status = singleChildText(value, DOCUMENT_VALIDITY, "Status")
                .or(() -> AttributeValueReader.text(value))
                .map(String::trim)
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> new AttributeMappingException(Problem.MALFORMED, DOCUMENT_VALIDITY, "no status"));
        Optional<String> referenceDate = singleChildText(value, DOCUMENT_VALIDITY, "ReferenceDate").map(String::trim);
        try {
            return new DocumentValidity(DocumentValidity.Status.parse(status), referenceDate.map(LocalDate::parse));
        } catch (DateTimeParseException e) {
            throw new AttributeMappingException(Problem.MALFORMED, DOCUMENT_VALIDITY, "reference date is not a date");
        }
    }

    private static EidAttribute<String> string(Map<String, XMLObject> values, String name)
            throws AttributeMappingException {
        XMLObject value = values.get(name);
        if (value == null) {
            return EidAttribute.absent(AbsenceReason.NOT_RETURNED);
        }
        Optional<AbsenceReason> marker = marker(value);
        if (marker.isPresent()) {
            return EidAttribute.absent(marker.get());
        }
        String text = AttributeValueReader.text(value)
                .orElseThrow(() -> new AttributeMappingException(Problem.MALFORMED, name, "not a text value"))
                .trim();
        return text.isEmpty() ? EidAttribute.absent(AbsenceReason.EMPTY) : EidAttribute.present(text);
    }

    /** The eID schema's {@code GeneralDateType} ({@code DateString}, optionally {@code DateValue}) or a plain date. */
    private static EidAttribute<PartialDate> date(Map<String, XMLObject> values, String name)
            throws AttributeMappingException {
        XMLObject value = values.get(name);
        if (value == null) {
            return EidAttribute.absent(AbsenceReason.NOT_RETURNED);
        }
        Optional<AbsenceReason> marker = marker(value);
        if (marker.isPresent()) {
            return EidAttribute.absent(marker.get());
        }
        // DateString keeps the spaces for unknown parts (so no trim); DateValue exists only for complete dates
        Optional<String> dateString = singleChildText(value, name, "DateString");
        Optional<String> dateValue = singleChildText(value, name, "DateValue").map(String::trim);
        String text = dateString.or(() -> dateValue)
                .or(() -> AttributeValueReader.text(value).map(String::trim))
                .orElse("");
        if (text.isBlank()) {
            return EidAttribute.absent(AbsenceReason.EMPTY);
        }
        try {
            return EidAttribute.present(PartialDate.parse(text));
        } catch (IllegalArgumentException e) {
            throw new AttributeMappingException(Problem.MALFORMED, name, "not a date");
        }
    }

    /** The eID schema's {@code GeneralPlaceType}: {@code StructuredPlace}, {@code FreetextPlace} or {@code NoPlaceInfo}. */
    private static EidAttribute<EidPlace> place(Map<String, XMLObject> values, String name)
            throws AttributeMappingException {
        XMLObject value = values.get(name);
        if (value == null) {
            return EidAttribute.absent(AbsenceReason.NOT_RETURNED);
        }
        Optional<AbsenceReason> marker = marker(value);
        if (marker.isPresent()) {
            return EidAttribute.absent(marker.get());
        }
        Optional<String> plain = AttributeValueReader.text(value).map(String::trim);
        if (plain.isPresent()) {
            return plain.get().isEmpty() ? EidAttribute.absent(AbsenceReason.EMPTY)
                    : EidAttribute.present(new EidPlace.FreeText(plain.get()));
        }
        if (!AttributeValueReader.children(value, "NoPlaceInfo").isEmpty()) {
            return EidAttribute.absent(AbsenceReason.NO_PLACE_INFO);
        }
        Optional<String> freeText = singleChildText(value, name, "FreetextPlace").map(String::trim);
        if (freeText.isPresent()) {
            return freeText.get().isEmpty() ? EidAttribute.absent(AbsenceReason.EMPTY)
                    : EidAttribute.present(new EidPlace.FreeText(freeText.get()));
        }
        XMLObject structured = singleChild(value, name, "StructuredPlace").orElse(value);
        EidPlace.Structured place = new EidPlace.Structured(
                part(structured, name, "Street"),
                part(structured, name, "City"),
                part(structured, name, "State"),
                part(structured, name, "Country"),
                part(structured, name, "ZipCode"));
        if (place.street().isEmpty() && place.city().isEmpty() && place.country().isEmpty()
                && place.zipCode().isEmpty() && place.state().isEmpty()) {
            throw new AttributeMappingException(Problem.MALFORMED, name, "no place in any known form");
        }
        return EidAttribute.present(place);
    }

    private static Optional<String> part(XMLObject place, String name, String child) throws AttributeMappingException {
        return singleChildText(place, name, child).map(String::trim).filter(text -> !text.isEmpty());
    }

    /** {@code EIDType}: one child per kind of eID, {@code USED} for the one that was used. */
    private static EidAttribute<Set<EidType>> eidType(Map<String, XMLObject> values) {
        XMLObject value = values.get(EID_TYPE);
        if (value == null) {
            return EidAttribute.absent(AbsenceReason.NOT_RETURNED);
        }
        Set<EidType> used = EnumSet.noneOf(EidType.class);
        for (XMLObject child : AttributeValueReader.children(value)) {
            boolean isUsed = AttributeValueReader.text(child).map(String::trim).filter(USED::equals).isPresent();
            if (isUsed) {
                EidType.fromElementName(child.getElementQName().getLocalPart()).ifPresent(used::add);
            }
        }
        return used.isEmpty() ? EidAttribute.absent(AbsenceReason.EMPTY) : EidAttribute.present(Set.copyOf(used));
    }

    private static Optional<String> singleChildText(XMLObject value, String name, String child)
            throws AttributeMappingException {
        Optional<XMLObject> element = singleChild(value, name, child);
        if (element.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AttributeValueReader.text(element.get()).orElseThrow(
                () -> new AttributeMappingException(Problem.MALFORMED, name, child + " is not text")));
    }

    private static Optional<XMLObject> singleChild(XMLObject value, String name, String child)
            throws AttributeMappingException {
        List<XMLObject> children = AttributeValueReader.children(value, child);
        if (children.size() > 1) {
            throw new AttributeMappingException(Problem.MALFORMED, name, child + " more than once");
        }
        return children.stream().findFirst();
    }
}
