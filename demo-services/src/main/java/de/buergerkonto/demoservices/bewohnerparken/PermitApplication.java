package de.buergerkonto.demoservices.bewohnerparken;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * What the citizen enters for a resident parking permit: only the licence plate. Name and address
 * are never taken from the form; they come from the verified data the gateway releases.
 *
 * @param licencePlate a German plate: district code (1–3 letters), 1–2 letters, 1–4 digits, optional E or H
 */
record PermitApplication(
        @NotBlank(message = "{permit.error.licence-plate.blank}")
        @Pattern(regexp = "\\s*[A-Za-zÄÖÜäöü]{1,3}[- ][A-Za-z]{1,2} ?[1-9][0-9]{0,3}[EeHh]?\\s*",
                message = "{permit.error.licence-plate.format}")
        String licencePlate) {

    /** The plate as printed on the permit: upper case, single spaces. */
    String normalisedPlate() {
        return licencePlate.trim().toUpperCase(Locale.GERMANY);
    }
}
