package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.militrend.incident.Category;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.EventDetail;

/**
 * Pakistan Body Count, "Pakistan Suicide Bombing Attacks" (Kaggle, version 11). One row is one
 * attack: {@code killed} is {@code Killed Max} and {@code injured} is {@code Injured Max}; the
 * Min columns are kept as {@code killedMin}/{@code injuredMin}. The row's {@code S#} is its key.
 *
 * <p>Dates come as {@code Sunday-November 19-1995}, {@code Saturday-November-25-2017} or {@code
 * Wednesday-Feb-15-2017}; the weekday is checked against the date (a mismatch is a warning).
 */
@ApplicationScoped
class PbcSuicideFormat implements ImportFormat {

    static final String CITATION = "Zeeshan-ul-hassan Usmani, Pakistan Body Count, Pakistan Suicide Bombing Attacks"
            + " Dataset, Kaggle Dataset Repository, Jan 25, 2017.";

    private static final List<String> REQUIRED =
            List.of("S#", "Date", "City", "Province", "Killed Min", "Killed Max", "Injured Min", "Injured Max");

    private static final Pattern DATE =
            Pattern.compile("\\s*([A-Za-z]+)\\s*-\\s*([A-Za-z]+)\\.?[\\s-]+(\\d{1,2})[\\s,-]+(\\d{4})\\s*");

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    @Override
    public String name() {
        return "pbc-suicide";
    }

    @Override
    public String dateColumn() {
        return "Date";
    }

    @Override
    public DatasetInfo defaultDataset() {
        return new DatasetInfo(
                "pbc-suicide",
                name(),
                CITATION,
                "Users are allowed to use, copy, distribute and cite the dataset (dataset description)",
                "https://www.kaggle.com/datasets/zusmani/pakistansuicideattacks",
                "Pakistan Body Count: suicide bombing attacks in Pakistan, 1995-2017",
                "Suicide bombing attacks in Pakistan",
                true,
                "open");
    }

    @Override
    public List<ImportMessage> checkHeader(List<String> header, ImportOptions options) {
        return ImportFormat.missing(header, REQUIRED, "Pakistan Body Count");
    }

    @Override
    public IncidentDraft read(SourceRow r, RowContext row, ImportOptions options) {
        String id = RowContext.clean(r.get("S#"));
        if (id == null) {
            row.error("S#", r.get("S#"), "the attack number is required");
        }
        LocalDate date = date(r.get("Date"), row);
        Integer killed = row.count("Killed Max", r.get("Killed Max"));
        Integer killedMin = row.count("Killed Min", r.get("Killed Min"));
        Integer injured = row.count("Injured Max", r.get("Injured Max"));
        Integer injuredMin = row.count("Injured Min", r.get("Injured Min"));
        if (killed == null && killedMin != null) {
            row.warn(
                    "Killed Max",
                    r.get("Killed Max"),
                    "Killed Max is blank while Killed Min is " + killedMin + ": killed left unknown");
        }
        if (injured == null && injuredMin != null) {
            row.warn(
                    "Injured Max",
                    r.get("Injured Max"),
                    "Injured Max is blank while Injured Min is " + injuredMin + ": injured left unknown");
        }
        String city = RowContext.clean(r.get("City"));
        String place = RowContext.clean(r.get("Location"));
        String location = place == null ? city : city == null ? place : place + ", " + city;
        return IncidentDraft.of(id, date)
                .datePrecision(DatePrecision.DAY)
                .country("Pakistan")
                .province("Province", RowContext.clean(r.get("Province")))
                .district("City", city)
                .location(location == null ? null : row.text("Location", location, 500))
                .latitude(row.decimal("Latitude", r.get("Latitude"), -90, 90))
                .longitude(row.decimal("Longitude", r.get("Longitude"), -180, 180))
                .eventType("Suicide bombing")
                .target(row.text("Target Type", r.get("Target Type"), 200))
                .killed(killed)
                .killedMin(killedMin)
                .injured(injured)
                .injuredMin(injuredMin)
                .source("Pakistan Body Count")
                .notes(notes(r))
                .detail(EventDetail.of(Category.SUICIDE_ATTACK))
                .build();
    }

    private static LocalDate date(String raw, RowContext row) {
        Matcher m = raw == null ? null : DATE.matcher(raw);
        if (m == null || !m.matches()) {
            row.error("Date", raw, "not a date of the form 'Weekday-Month Day-Year'");
            return null;
        }
        String monthName = m.group(2).toLowerCase(Locale.ROOT);
        int month = monthName.length() < 3 ? -1 : MONTHS.indexOf(monthName.substring(0, 3));
        if (month < 0) {
            row.error("Date", raw, "unknown month '" + m.group(2) + "'");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group(4)), month + 1, Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            row.error("Date", raw, "no such day");
            return null;
        }
        String weekday = m.group(1).toLowerCase(Locale.ROOT);
        String actual = date.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        if (weekday.length() < 3 || !actual.startsWith(weekday.substring(0, 3))) {
            row.warn("Date", raw, "the weekday does not match " + date + " (a " + actual + "); the date is kept");
        }
        return date;
    }

    /** The descriptive columns that have no field of their own, kept so nothing is lost. */
    private static String notes(SourceRow r) {
        StringJoiner notes = new StringJoiner("; ");
        for (String column : List.of(
                "Location Category",
                "Location Sensitivity",
                "Open/Closed Space",
                "Influencing Event/Event",
                "Targeted Sect if any",
                "No. of Suicide Blasts",
                "Explosive Weight (max)",
                "Hospital Names",
                "Blast Day Type",
                "Holiday Type",
                "Time",
                "Islamic Date")) {
            String v = RowContext.clean(r.get(column));
            if (v != null && !v.equalsIgnoreCase("N/A") && !v.equalsIgnoreCase("NA")) {
                notes.add(column + ": " + v);
            }
        }
        String s = notes.toString();
        return s.isEmpty() ? null : s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
