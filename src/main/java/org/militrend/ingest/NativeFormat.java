package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.militrend.common.Csv;
import org.militrend.incident.Category;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.EventDetail;
import org.militrend.incident.IncidentColumn;
import org.militrend.incident.LocationPrecision;
import org.militrend.incident.NativeColumns;

/**
 * The native CSV format of the contract. Besides ISO dates it accepts {@code 2017-03} (month),
 * {@code 2017} (year) and {@code 2017-W09} (ISO week), which also set the date precision when
 * {@code date_precision} is blank; such dates are stored as the first day of the period.
 */
@ApplicationScoped
class NativeFormat implements ImportFormat {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    @Override
    public String name() {
        return "native";
    }

    @Override
    public DatasetInfo defaultDataset() {
        return new DatasetInfo("native", name(), "Incidents imported in Militrend's native CSV format", null, null);
    }

    @Override
    public List<ImportMessage> checkHeader(List<String> header, ImportOptions options) {
        List<ImportMessage> problems = new ArrayList<>();
        if (!header.contains("date")) {
            problems.add(new ImportMessage(1L, "date", null, "the required column 'date' is missing"));
        }
        if (!header.contains("district") && !header.contains("province")) {
            problems.add(new ImportMessage(1L, "district", null, "a 'district' or a 'province' column is required"));
        }
        if (!options.ignoreUnknownColumns()) {
            for (String column : header) {
                if (!NativeColumns.ALL.contains(column)) {
                    problems.add(new ImportMessage(
                            1L,
                            column,
                            column,
                            "unknown column (known: " + String.join(", ", NativeColumns.CONTRACT)
                                    + "; add ignoreUnknownColumns=true to skip it)"));
                }
            }
        }
        return problems;
    }

    @Override
    public IncidentDraft read(SourceRow r, RowContext row, ImportOptions options) {
        // the service's own CSV export quotes formula-like text; a re-import gets the text back
        return read(column -> Csv.unneutralized(r.get(column)), row, List.of());
    }

    /**
     * Reads native fields from any row: {@code cell} gives a native column's value. {@code
     * dateFormats} are tried after the native date forms (a mapping's patterns).
     */
    IncidentDraft read(Function<String, String> cell, RowContext row, List<DateTimeFormatter> dateFormats) {
        String rawDate = cell.apply("date");
        String rawPrecision = RowContext.clean(cell.apply("date_precision"));
        DatePrecision precision = null;
        if (rawPrecision != null) {
            precision = DatePrecision.parse(rawPrecision).orElse(null);
            if (precision == null) {
                row.error("date_precision", rawPrecision, "must be day, week, month or year");
            }
        }
        LocalDate date = null;
        String d = RowContext.clean(rawDate);
        if (d == null) {
            row.error("date", rawDate, "the date is required");
        } else {
            DatedAs dated = parseDate(d, dateFormats);
            if (dated == null) {
                row.error("date", rawDate, "not a date: use YYYY-MM-DD (or YYYY-MM, YYYY, YYYY-Www)");
            } else {
                date = dated.date();
                if (precision == null) {
                    precision = dated.precision();
                }
            }
        }
        String rawLocationPrecision = RowContext.clean(cell.apply("location_precision"));
        LocationPrecision locationPrecision = null;
        if (rawLocationPrecision != null) {
            locationPrecision = LocationPrecision.parse(rawLocationPrecision).orElse(null);
            if (locationPrecision == null) {
                row.error("location_precision", rawLocationPrecision, "must be exact, district, province or country");
            }
        }
        IncidentColumn key = IncidentColumn.EXTERNAL_ID;
        String externalId = RowContext.clean(cell.apply(key.header()));
        if (externalId != null && externalId.length() > key.width()) {
            row.error(key.header(), externalId, "longer than " + key.width() + " characters");
        }
        return IncidentDraft.of(externalId, date)
                .datePrecision(precision == null ? DatePrecision.DAY : precision)
                .country(text(cell, row, IncidentColumn.COUNTRY))
                .province("province", RowContext.clean(cell.apply("province")))
                .district("district", RowContext.clean(cell.apply("district")))
                .location(text(cell, row, IncidentColumn.LOCATION))
                .locationPrecision(locationPrecision)
                .latitude(row.decimal("latitude", cell.apply("latitude"), -90, 90))
                .longitude(row.decimal("longitude", cell.apply("longitude"), -180, 180))
                .eventType(text(cell, row, IncidentColumn.EVENT_TYPE))
                .actor(text(cell, row, IncidentColumn.ACTOR))
                .target(text(cell, row, IncidentColumn.TARGET))
                .killed(count(cell, row, IncidentColumn.KILLED))
                .killedMin(count(cell, row, IncidentColumn.KILLED_MIN))
                .killedCivilians(count(cell, row, IncidentColumn.KILLED_CIVILIANS))
                .killedSecurityForces(count(cell, row, IncidentColumn.KILLED_SECURITY_FORCES))
                .killedMilitants(count(cell, row, IncidentColumn.KILLED_MILITANTS))
                .injured(count(cell, row, IncidentColumn.INJURED))
                .injuredMin(count(cell, row, IncidentColumn.INJURED_MIN))
                .source(text(cell, row, IncidentColumn.SOURCE))
                .sourceUrl(text(cell, row, IncidentColumn.SOURCE_URL))
                .notes(text(cell, row, IncidentColumn.NOTES))
                .detail(detail(cell, row))
                .build();
    }

    private static EventDetail detail(Function<String, String> cell, RowContext row) {
        String rawCategory = RowContext.clean(cell.apply("category"));
        Category category = Category.infer(RowContext.clean(cell.apply("event_type")));
        if (rawCategory != null) {
            category = Category.parse(rawCategory).orElse(null);
            if (category == null) {
                row.error("category", rawCategory, "unknown category; known: " + Category.keys());
                category = Category.OTHER;
            }
        }
        return new EventDetail(
                category,
                text(cell, row, IncidentColumn.SUB_EVENT_TYPE),
                text(cell, row, IncidentColumn.ACTOR2),
                count(cell, row, IncidentColumn.KILLED_LOW),
                count(cell, row, IncidentColumn.KILLED_HIGH),
                text(cell, row, IncidentColumn.SOURCE_RELEASE));
    }

    private static String text(Function<String, String> cell, RowContext row, IncidentColumn c) {
        return row.text(c.header(), cell.apply(c.header()), c.width());
    }

    private static Integer count(Function<String, String> cell, RowContext row, IncidentColumn c) {
        return row.count(c.header(), cell.apply(c.header()));
    }

    private record DatedAs(LocalDate date, DatePrecision precision) {}

    /**
     * A {@code YYYY-MM-DD} date of digits read without the formatter (nearly every cell), or null
     * for any other text; an impossible date throws like {@link LocalDate#parse}.
     */
    private static LocalDate plainIsoDate(String v) {
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            boolean ok = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
            if (!ok) {
                return null;
            }
        }
        return LocalDate.of(number(v, 0, 4), number(v, 5, 7), number(v, 8, 10));
    }

    private static int number(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }

    private static DatedAs parseDate(String v, List<DateTimeFormatter> dateFormats) {
        for (DateTimeFormatter f : dateFormats) {
            try {
                return new DatedAs(LocalDate.parse(v, f), DatePrecision.DAY);
            } catch (DateTimeException e) {
                // the next pattern, then the native forms
            }
        }
        try {
            if (v.length() == 10) {
                LocalDate plain = plainIsoDate(v);
                return new DatedAs(plain != null ? plain : LocalDate.parse(v), DatePrecision.DAY);
            }
            if (v.length() == 7) {
                return new DatedAs(YearMonth.parse(v).atDay(1), DatePrecision.MONTH);
            }
            if (v.length() == 4 && v.chars().allMatch(Character::isDigit)) {
                return new DatedAs(LocalDate.of(Integer.parseInt(v), 1, 1), DatePrecision.YEAR);
            }
            Matcher w = ISO_WEEK.matcher(v);
            if (w.matches()) {
                int week = Integer.parseInt(w.group(2));
                LocalDate monday = LocalDate.of(Integer.parseInt(w.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(DayOfWeek.MONDAY);
                if (week < 1 || week > 53 || monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
                    return null;
                }
                return new DatedAs(monday, DatePrecision.WEEK);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
