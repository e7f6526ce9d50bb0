package org.militrend.common;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates the service accepts: from 1900-01-01 to one year after today (UTC). Far-off dates are
 * never data, and every period series, zero-fill and bucket loop is bounded by this range: a
 * request for years -999999999 to 999999999 once ran for minutes and exhausted the heap.
 */
public final class DateBounds {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private DateBounds() {}

    /** The last accepted date: one year after today. */
    public static LocalDate latest() {
        return LocalDate.now(ZoneOffset.UTC).plusYears(1);
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(latest());
    }

    /** The date, or a 400 naming the parameter when it lies outside the accepted range. */
    public static LocalDate check(String field, String value, LocalDate date) {
        if (date != null && !contains(date)) {
            throw ProblemException.badParameter(
                    field,
                    value,
                    "'" + field + "' must be between " + EARLIEST + " and " + latest() + " (one year" + " from today)");
        }
        return date;
    }
}
