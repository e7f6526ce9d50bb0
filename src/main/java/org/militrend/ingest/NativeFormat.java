package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.militrend.incident.DatePrecision;
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
    public List<ImportMessage> checkHeader(Map<String, Integer> header, ImportOptions options) {
        List<ImportMessage> problems = new ArrayList<>();
        if (!header.containsKey("date")) {
            problems.add(new ImportMessage(1L, "date", null, "the required column 'date' is missing"));
        }
        if (!header.containsKey("district") && !header.containsKey("province")) {
            problems.add(new ImportMessage(1L, "district", null, "a 'district' or a 'province' column is required"));
        }
        if (!options.ignoreUnknownColumns()) {
            for (String column : header.keySet()) {
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
    public IncidentDraft read(CSVRecord r, RowContext row) {
        String rawDate = get(r, "date");
        String rawPrecision = RowContext.clean(get(r, "date_precision"));
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
            DatedAs dated = parseDate(d);
            if (dated == null) {
                row.error("date", rawDate, "not a date: use YYYY-MM-DD (or YYYY-MM, YYYY, YYYY-Www)");
            } else {
                date = dated.date();
                if (precision == null) {
                    precision = dated.precision();
                }
            }
        }
        String rawLocationPrecision = RowContext.clean(get(r, "location_precision"));
        LocationPrecision locationPrecision = null;
        if (rawLocationPrecision != null) {
            locationPrecision = LocationPrecision.parse(rawLocationPrecision).orElse(null);
            if (locationPrecision == null) {
                row.error("location_precision", rawLocationPrecision, "must be exact, district, province or country");
            }
        }
        String externalId = RowContext.clean(get(r, "external_id"));
        if (externalId != null && externalId.length() > 128) {
            row.error("external_id", externalId, "longer than 128 characters");
        }
        return new IncidentDraft(
                externalId,
                date,
                precision == null ? DatePrecision.DAY : precision,
                row.text("country", get(r, "country"), 64),
                RowContext.clean(get(r, "province")),
                RowContext.clean(get(r, "district")),
                row.text("location", get(r, "location"), 500),
                locationPrecision,
                row.decimal("latitude", get(r, "latitude"), -90, 90),
                row.decimal("longitude", get(r, "longitude"), -180, 180),
                row.text("event_type", get(r, "event_type"), 80),
                row.text("actor", get(r, "actor"), 200),
                row.text("target", get(r, "target"), 200),
                row.count("killed", get(r, "killed")),
                row.count("killed_min", get(r, "killed_min")),
                row.count("killed_civilians", get(r, "killed_civilians")),
                row.count("killed_security_forces", get(r, "killed_security_forces")),
                row.count("killed_militants", get(r, "killed_militants")),
                row.count("injured", get(r, "injured")),
                row.count("injured_min", get(r, "injured_min")),
                row.text("source", get(r, "source"), 500),
                row.text("source_url", get(r, "source_url"), 2000),
                row.text("notes", get(r, "notes"), 4000),
                "province",
                "district");
    }

    private record DatedAs(LocalDate date, DatePrecision precision) {}

    private static DatedAs parseDate(String v) {
        try {
            if (v.length() == 10) {
                return new DatedAs(LocalDate.parse(v), DatePrecision.DAY);
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
                        .with(java.time.DayOfWeek.MONDAY);
                if (week < 1 || week > 53 || monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
                    return null;
                }
                return new DatedAs(monday, DatePrecision.WEEK);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
    }
}
