package de.buergerkonto.trustlevel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four trust levels (Vertrauensniveaus) of a login, ordered from weakest to strongest,
 * as BundID and Servicekonto NRW use them after BSI TR-03160 and eIDAS (Regulation (EU)
 * 910/2014, Art. 8).
 *
 * <p>Every form in use is accepted on input: the eIDAS level-of-assurance URIs, the short
 * names and the STORK-QAA levels of the SAML side. The canonical output ({@link #acr()}) is
 * the eIDAS URI, and for {@link #BASIC}, which has no eIDAS level, our own URN
 * {@code urn:buergerkonto:loa:basic}.
 */
public enum AssuranceLevel {

    BASIC("urn:buergerkonto:loa:basic", "basic", "STORK-QAA-Level-1"),
    LOW("http://eidas.europa.eu/LoA/low", "low", "STORK-QAA-Level-2"),
    SUBSTANTIAL("http://eidas.europa.eu/LoA/substantial", "substantial", "STORK-QAA-Level-3"),
    HIGH("http://eidas.europa.eu/LoA/high", "high", "STORK-QAA-Level-4");

    private final String acr;
    private final String shortName;
    private final String storkLevel;

    AssuranceLevel(String acr, String shortName, String storkLevel) {
        this.acr = acr;
        this.shortName = shortName;
        this.storkLevel = storkLevel;
    }

    /** The canonical {@code acr} value issued in tokens and advertised in discovery. */
    public String acr() {
        return acr;
    }

    public String shortName() {
        return shortName;
    }

    /** The STORK QAA level used in SAML {@code AuthnContextClassRef}. */
    public String storkLevel() {
        return storkLevel;
    }

    public boolean isAtLeast(AssuranceLevel required) {
        return compareTo(required) >= 0;
    }

    public static AssuranceLevel lower(AssuranceLevel a, AssuranceLevel b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Reads a level in any accepted form: eIDAS URI, short name (any case) or STORK-QAA level.
     * Unknown values are empty, never a default: a caller must decide what an unknown level means.
     */
    public static Optional<AssuranceLevel> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return Arrays.stream(values())
                .filter(level -> level.acr.equals(trimmed)
                        || level.shortName.equals(trimmed.toLowerCase(Locale.ROOT))
                        || level.storkLevel.equalsIgnoreCase(trimmed))
                .findFirst();
    }

    /** Like {@link #parse(String)}, for configuration: an unknown value is an error naming the accepted forms. */
    public static AssuranceLevel require(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException(
                "Unknown trust level '" + value + "'; use basic, low, substantial, high, "
                        + "an eIDAS LoA URI, " + BASIC.acr + " or STORK-QAA-Level-1..4"));
    }
}
