package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.militrend.incident.Category;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.EventDetail;
import org.militrend.incident.LocationPrecision;

/**
 * Global Terrorism Database, its own XLSX and its CSV export (same columns). {@code iday} 0 means
 * the day is unknown (month precision) and {@code imonth} 0 the month (year precision); such
 * events are stored on the first day of their period, {@code approxdate} goes to the notes.
 * {@code nkill} is killed, {@code nwound} injured, {@code nkillter} militants killed. Rows whose
 * {@code doubtterr} is 1 are imported and flagged in the notes.
 */
@ApplicationScoped
class GtdFormat implements ImportFormat {

    static final String CITATION = "START (National Consortium for the Study of Terrorism and Responses to"
            + " Terrorism), Global Terrorism Database, https://www.start.umd.edu/gtd";

    private static final List<String> REQUIRED =
            List.of("eventid", "iyear", "imonth", "iday", "country_txt", "provstate", "city");

    /**
     * specificity 1 = the city itself; 2-3 = the city or the smallest region around it
     * (district); 4 = no city, the province; 5 = unknown (country).
     */
    private static final Map<String, LocationPrecision> SPECIFICITY = Map.of(
            "1", LocationPrecision.EXACT,
            "2", LocationPrecision.DISTRICT,
            "3", LocationPrecision.DISTRICT,
            "4", LocationPrecision.PROVINCE,
            "5", LocationPrecision.COUNTRY);

    /** attacktype1_txt → category; a suicide attack (suicide = 1) is a suicide attack whatever its type. */
    private static final Map<String, Category> ATTACK_TYPE = Map.of(
            "bombing/explosion", Category.BOMBING,
            "assassination", Category.TARGETED_KILLING,
            "armed assault", Category.ARMED_ATTACK,
            "hostage taking (kidnapping)", Category.ABDUCTION,
            "hostage taking (barricade incident)", Category.ABDUCTION,
            "hijacking", Category.ABDUCTION,
            "facility/infrastructure attack", Category.ARMED_ATTACK,
            "unarmed assault", Category.ARMED_ATTACK);

    @Override
    public String name() {
        return "gtd";
    }

    @Override
    public String dateColumn() {
        return "iyear";
    }

    @Override
    public DatasetInfo defaultDataset() {
        return new DatasetInfo(
                "gtd",
                name(),
                CITATION,
                "GTD End User Agreement: raw rows may not be redistributed",
                "https://www.start.umd.edu/gtd",
                "Global Terrorism Database",
                "Terrorist attacks (intentional violence by non-state actors)",
                true,
                "editors");
    }

    @Override
    public List<ImportMessage> checkHeader(List<String> header, ImportOptions options) {
        return ImportFormat.missing(header, REQUIRED, "GTD");
    }

    @Override
    public String country(SourceRow r) {
        return r.get("country_txt");
    }

    @Override
    public IncidentDraft read(SourceRow r, RowContext row, ImportOptions options) {
        String id = RowContext.clean(r.get("eventid"));
        if (id == null) {
            row.error("eventid", r.get("eventid"), "the GTD event id is required");
        }
        Integer year = row.count("iyear", r.get("iyear"));
        Integer month = row.count("imonth", r.get("imonth"));
        Integer day = row.count("iday", r.get("iday"));
        LocalDate date = null;
        DatePrecision precision = DatePrecision.DAY;
        if (year == null) {
            row.error("iyear", r.get("iyear"), "the year is required");
        } else {
            try {
                if (month == null || month == 0) {
                    date = LocalDate.of(year, 1, 1);
                    precision = DatePrecision.YEAR;
                } else if (day == null || day == 0) {
                    date = LocalDate.of(year, month, 1);
                    precision = DatePrecision.MONTH;
                } else {
                    date = LocalDate.of(year, month, day);
                }
            } catch (DateTimeException e) {
                row.error("iday", r.get("iday"), "no such day: " + year + "-" + month + "-" + day);
            }
        }
        String attackType = row.text("attacktype1_txt", r.get("attacktype1_txt"), 80);
        Category category = "1".equals(RowContext.clean(r.get("suicide")))
                ? Category.SUICIDE_ATTACK
                : attackType == null
                        ? Category.OTHER
                        : ATTACK_TYPE.getOrDefault(attackType.toLowerCase(Locale.ROOT), Category.OTHER);
        String city = RowContext.clean(r.get("city"));
        if (city != null && city.equalsIgnoreCase("unknown")) {
            city = null;
        }
        String target = RowContext.clean(r.get("target1"));
        String targetType = RowContext.clean(r.get("targtype1_txt"));
        return IncidentDraft.of(id, date)
                .datePrecision(precision)
                .country(RowContext.clean(r.get("country_txt")))
                .province("provstate", RowContext.clean(r.get("provstate")))
                .district("city", city)
                .location(row.text("city", city, 500))
                .locationPrecision(row.coded(
                        "specificity",
                        r.get("specificity"),
                        SPECIFICITY,
                        null,
                        "not 1-5; precision taken from the place"))
                .latitude(row.decimal("latitude", r.get("latitude"), -90, 90))
                .longitude(row.decimal("longitude", r.get("longitude"), -180, 180))
                .eventType(attackType)
                .actor(row.text("gname", r.get("gname"), 200))
                .target(row.text("targtype1_txt", targetType == null ? target : targetType, 200))
                .killed(row.count("nkill", r.get("nkill")))
                .killedMilitants(row.count("nkillter", r.get("nkillter")))
                .injured(row.count("nwound", r.get("nwound")))
                .source(row.text("dbsource", r.get("dbsource"), 500))
                .notes(notes(r))
                .detail(new EventDetail(
                        category, row.text("weaptype1_txt", r.get("weaptype1_txt"), 120), null, null, null, null))
                .build();
    }

    private static String notes(SourceRow r) {
        StringJoiner notes = new StringJoiner("; ");
        if ("1".equals(RowContext.clean(r.get("doubtterr")))) {
            notes.add("doubt terrorism proper (doubtterr = 1)");
        }
        for (String column : List.of("approxdate", "target1", "summary")) {
            String v = RowContext.clean(r.get(column));
            if (v != null) {
                notes.add(column + ": " + v);
            }
        }
        String s = notes.toString();
        return s.isEmpty() ? null : s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
