package de.buergerkonto.authserver.secondfactor.manage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import de.buergerkonto.authserver.secondfactor.SecondFactor;

/**
 * A factor as the pages show it: dates in the page's language and in German local time (the
 * citizens of a German city), with the instant for a {@code <time datetime>} attribute.
 */
record FactorRow(String id, String name, String type, String created, String createdIso, String lastUsed,
        String lastUsedIso) {

    private static final ZoneId CITIZENS_ZONE = ZoneId.of("Europe/Berlin");

    static FactorRow of(SecondFactor factor, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(CITIZENS_ZONE);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(CITIZENS_ZONE);
        Instant lastUsed = factor.lastUsedAt();
        return new FactorRow(factor.id(), factor.name(), factor.type().name(),
                date.format(factor.createdAt()), factor.createdAt().toString(),
                lastUsed == null ? null : dateTime.format(lastUsed), lastUsed == null ? null : lastUsed.toString());
    }
}
