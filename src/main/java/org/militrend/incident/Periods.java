package org.militrend.incident;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The period strings of the contract: year {@code 2017}, quarter {@code 2017-Q1}, month {@code
 * 2017-03}, ISO week {@code 2017-W09} (ISO-8601 week-based year, weeks start on Monday).
 */
public final class Periods {

    private Periods() {}

    // An import computes these for every row: written with arithmetic and a char array, not
    // String.format or IsoFields, and the same strings as those give (PeriodsTest compares them).

    public static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() + 2) / 3);
    }

    public static String month(LocalDate d) {
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return String.format(Locale.ROOT, "%04d-%02d", year, d.getMonthValue());
        }
        char[] c = new char[7];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        return new String(c);
    }

    /**
     * The ISO week: the week-based year and week are those of the week's Thursday (weeks start on
     * Monday, week 1 holds the year's first Thursday).
     */
    public static String week(LocalDate d) {
        LocalDate thursday = d.plusDays(4 - d.getDayOfWeek().getValue());
        int year = thursday.getYear();
        int week = (thursday.getDayOfYear() - 1) / 7 + 1;
        if (year < 0 || year > 9999) {
            return String.format(Locale.ROOT, "%04d-W%02d", year, week);
        }
        char[] c = new char[8];
        digits(c, 0, year, 4);
        c[4] = '-';
        c[5] = 'W';
        digits(c, 6, week, 2);
        return new String(c);
    }

    private static void digits(char[] c, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /** The bucket of {@code d} at a granularity: year, quarter, month or week. */
    public static String of(Granularity g, LocalDate d) {
        return switch (g) {
            case YEAR -> Integer.toString(d.getYear());
            case QUARTER -> quarter(d);
            case MONTH -> month(d);
            case WEEK -> week(d);
        };
    }

    /** First day of the bucket that contains {@code d}. */
    public static LocalDate start(Granularity g, LocalDate d) {
        return switch (g) {
            case YEAR -> d.withDayOfYear(1);
            case QUARTER -> d.withDayOfMonth(1).withMonth(((d.getMonthValue() - 1) / 3) * 3 + 1);
            case MONTH -> d.withDayOfMonth(1);
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    /** Every bucket from the one containing {@code from} to the one containing {@code to}. */
    public static List<String> range(Granularity g, LocalDate from, LocalDate to) {
        List<String> out = new ArrayList<>();
        for (LocalDate d = start(g, from); !d.isAfter(to); d = next(g, d)) {
            out.add(of(g, d));
        }
        return out;
    }

    /** First day of the period a label names ({@code 2017}, {@code 2017-Q1}, {@code 2017-03}, {@code 2017-W09}). */
    public static LocalDate startOf(Granularity g, String label) {
        return switch (g) {
            case YEAR -> LocalDate.of(Integer.parseInt(label), 1, 1);
            case QUARTER ->
                LocalDate.of(
                        Integer.parseInt(label.substring(0, 4)), (Integer.parseInt(label.substring(6)) - 1) * 3 + 1, 1);
            case MONTH -> YearMonth.parse(label).atDay(1);
            case WEEK -> LocalDate.parse(label + "-1", DateTimeFormatter.ISO_WEEK_DATE);
        };
    }

    /** Last day of the period a label names. */
    public static LocalDate endOf(Granularity g, String label) {
        return next(g, startOf(g, label)).minusDays(1);
    }

    /** The label {@code steps} periods after the period that starts on {@code bucketStart}. */
    public static String after(Granularity g, LocalDate bucketStart, int steps) {
        LocalDate d = switch (g) {
            case YEAR -> bucketStart.plusYears(steps);
            case QUARTER -> bucketStart.plusMonths(3L * steps);
            case MONTH -> bucketStart.plusMonths(steps);
            case WEEK -> bucketStart.plusWeeks(steps);
        };
        return of(g, d);
    }

    static LocalDate next(Granularity g, LocalDate bucketStart) {
        return switch (g) {
            case YEAR -> bucketStart.plusYears(1);
            case QUARTER -> bucketStart.plusMonths(3);
            case MONTH -> bucketStart.plusMonths(1);
            case WEEK -> bucketStart.plusWeeks(1);
        };
    }

    /** The calendar month (1-12) of a month period string, for seasonal models. */
    public static int calendarMonth(String monthPeriod) {
        try {
            return YearMonth.parse(monthPeriod).getMonthValue();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a month period: " + monthPeriod, e);
        }
    }

    /** Time buckets of the contract, with the query-parameter name of each. */
    public enum Granularity {
        YEAR("year"),
        QUARTER("quarter"),
        MONTH("month"),
        WEEK("week");

        private final String key;

        Granularity(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Granularity> parse(String s) {
            for (Granularity g : values()) {
                if (g.key.equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return Optional.of(g);
                }
            }
            return Optional.empty();
        }
    }
}
