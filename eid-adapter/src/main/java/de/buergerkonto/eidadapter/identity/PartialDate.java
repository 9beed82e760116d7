package de.buergerkonto.eidadapter.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of which the day, or the month and the day, may be unknown: dates of birth on German
 * ID cards are stored ICAO 9303 style as {@code YYYYMMDD} with spaces for unknown parts
 * ({@code "1964    "}, {@code "196408  "}), and the eID-Server passes them on as they are.
 *
 * @param year always known
 * @param month empty when unknown
 * @param dayOfMonth empty when unknown; only known together with the month
 */
public record PartialDate(Year year, Optional<Month> month, Optional<Integer> dayOfMonth) {

    /** Trailing unknown parts may arrive trimmed: OpenSAML trims element text when it unmarshalls. */
    private static final Pattern EID_DATE_STRING = Pattern.compile("(\\d{4})(\\d{2}| {2})?(\\d{2}| {2})?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    public PartialDate {
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(dayOfMonth, "dayOfMonth");
        if (dayOfMonth.isPresent()) {
            if (month.isEmpty()) {
                throw new IllegalArgumentException("A day without a month is not a date");
            }
            // throws DateTimeException for 31 April, 29 February of a common year, ...
            year.atMonth(month.get()).atDay(dayOfMonth.get());
        }
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(Year.of(date.getYear()), Optional.of(date.getMonth()),
                Optional.of(date.getDayOfMonth()));
    }

    /**
     * Reads the eID form {@code YYYYMMDD} (spaces for unknown month and day, possibly trimmed
     * to {@code YYYYMM} or {@code YYYY}) or an ISO {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException when it is neither, or names no existing day
     */
    public static PartialDate parse(String value) {
        Matcher eid = EID_DATE_STRING.matcher(value);
        if (eid.matches()) {
            return fromParts(eid.group(1), eid.group(2), eid.group(3));
        }
        Matcher iso = ISO_DATE.matcher(value);
        if (iso.matches()) {
            return fromParts(iso.group(1), iso.group(2), iso.group(3));
        }
        throw new IllegalArgumentException("Not a date of the form YYYYMMDD or YYYY-MM-DD");
    }

    private static PartialDate fromParts(String year, String month, String day) {
        month = month == null ? "" : month;
        day = day == null ? "" : day;
        try {
            Optional<Month> knownMonth = month.isBlank() ? Optional.empty()
                    : Optional.of(Month.of(Integer.parseInt(month)));
            Optional<Integer> knownDay = day.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(day));
            return new PartialDate(Year.of(Integer.parseInt(year)), knownMonth, knownDay);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not an existing date", e);
        }
    }

    /** Whether year, month and day are all known. */
    public boolean isComplete() {
        return dayOfMonth.isPresent();
    }

    /** The full date, when it is complete. */
    public Optional<LocalDate> toLocalDate() {
        return dayOfMonth.map(day -> year.atMonth(month.orElseThrow()).atDay(day));
    }

    /** The year and month, when the month is known. */
    public Optional<YearMonth> toYearMonth() {
        return month.map(year::atMonth);
    }

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, as much as is known (ISO 8601 reduced precision). */
    public String toIsoString() {
        return toLocalDate().map(LocalDate::toString)
                .or(() -> toYearMonth().map(YearMonth::toString))
                .orElseGet(year::toString);
    }

    /** Deliberately without the date: a date of birth is personal data. */
    @Override
    public String toString() {
        return "PartialDate[" + (isComplete() ? "complete" : month.isPresent() ? "year-month" : "year") + "]";
    }
}
