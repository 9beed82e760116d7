package de.buergerkonto.authserver.secondfactor.manage;

import org.springframework.validation.Errors;

import de.buergerkonto.authserver.secondfactor.SecondFactor;

/** The name a citizen gives a factor, on the enrolment and the rename page. */
final class FactorNameForm {

    private FactorNameForm() {
    }

    /** The name as stored: trimmed, inner whitespace collapsed. */
    static String normalize(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    static void validate(String normalized, String field, Errors errors) {
        if (normalized.isEmpty()) {
            errors.rejectValue(field, "second-factor.name.required");
        } else if (normalized.codePointCount(0, normalized.length()) > SecondFactor.MAX_NAME_LENGTH) {
            errors.rejectValue(field, "second-factor.name.too-long", new Object[] {SecondFactor.MAX_NAME_LENGTH}, null);
        } else if (normalized.chars().anyMatch(Character::isISOControl)) {
            errors.rejectValue(field, "second-factor.name.invalid");
        }
    }
}
