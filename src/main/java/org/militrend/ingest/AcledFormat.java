package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.militrend.incident.Category;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.EventDetail;
import org.militrend.incident.LocationPrecision;

/**
 * ACLED exports, read by column name (missing optional columns are blank; the older {@code
 * data_id} stands in for {@code event_id_cnty}). {@code fatalities} is killed, with no split.
 * Place from {@code admin2} (district), then {@code admin3}/{@code location} (towns), then
 * {@code admin1}. {@code timestamp} is the row's revision, kept as its release: a newer one
 * changes the row, so re-importing a newer export updates it.
 */
@ApplicationScoped
class AcledFormat implements ImportFormat {

    static final String CITATION = "Armed Conflict Location & Event Data (ACLED), www.acleddata.com; Raleigh,"
            + " Clionadh, Andrew Linke, Havard Hegre and Joakim Karlsen, 2010, \"Introducing ACLED: An Armed"
            + " Conflict Location and Event Dataset\", Journal of Peace Research 47(5) 651-660.";

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** time_precision 1 = the day, 2 = the week, 3 = the month. */
    private static final Map<String, DatePrecision> TIME_PRECISION =
            Map.of("1", DatePrecision.DAY, "2", DatePrecision.WEEK, "3", DatePrecision.MONTH);

    /** geo_precision 1 = the place itself, 2 = near a town (its district), 3 = a region (province). */
    private static final Map<String, LocationPrecision> GEO_PRECISION =
            Map.of("1", LocationPrecision.EXACT, "2", LocationPrecision.DISTRICT, "3", LocationPrecision.PROVINCE);

    /** ACLED's sub-event types → the category vocabulary; any other is {@code other}. */
    private static final Map<String, Category> SUB_EVENT = Map.ofEntries(
            Map.entry("suicide bomb", Category.SUICIDE_ATTACK),
            Map.entry("remote explosive/landmine/ied", Category.BOMBING),
            Map.entry("grenade", Category.BOMBING),
            Map.entry("air/drone strike", Category.DRONE_STRIKE),
            Map.entry("armed clash", Category.ARMED_CLASH),
            Map.entry("shelling/artillery/missile attack", Category.ARMED_CLASH),
            Map.entry("government regains territory", Category.SECURITY_OPERATION),
            Map.entry("non-state actor overtakes territory", Category.ARMED_CLASH),
            Map.entry("attack", Category.ARMED_ATTACK),
            Map.entry("abduction/forced disappearance", Category.ABDUCTION),
            Map.entry("arrests", Category.SECURITY_OPERATION));

    @Override
    public String name() {
        return "acled";
    }

    @Override
    public String dateColumn() {
        return "event_date";
    }

    @Override
    public DatasetInfo defaultDataset() {
        return new DatasetInfo(
                "acled",
                name(),
                CITATION,
                "ACLED Terms of Use: raw rows may not be redistributed",
                "https://acleddata.com/",
                "Armed Conflict Location & Event Data",
                "Political violence, demonstrations and strategic developments",
                true,
                "editors");
    }

    @Override
    public List<ImportMessage> checkHeader(List<String> header, ImportOptions options) {
        List<ImportMessage> problems = new ArrayList<>();
        if (!header.contains("event_id_cnty") && !header.contains("data_id")) {
            problems.add(new ImportMessage(
                    1L, "event_id_cnty", null, "the ACLED column 'event_id_cnty' (or the older 'data_id') is missing"));
        }
        problems.addAll(
                ImportFormat.missing(header, List.of("event_date", "event_type", "country", "admin1"), "ACLED"));
        return problems;
    }

    @Override
    public boolean releasesAreRevisions() {
        return true;
    }

    @Override
    public String country(SourceRow r) {
        return r.get("country");
    }

    @Override
    public IncidentDraft read(SourceRow r, RowContext row, ImportOptions options) {
        String idColumn = r.has("event_id_cnty") ? "event_id_cnty" : "data_id";
        String id = RowContext.clean(r.get(idColumn));
        if (id == null) {
            row.error(idColumn, r.get(idColumn), "the ACLED event id is required");
        }
        String eventType = row.text("event_type", r.get("event_type"), 80);
        String subEventType = row.text("sub_event_type", r.get("sub_event_type"), 120);
        Category category = subEventType == null
                ? Category.infer(eventType)
                : SUB_EVENT.getOrDefault(subEventType.toLowerCase(Locale.ROOT), Category.OTHER);
        String admin2 = RowContext.clean(r.get("admin2"));
        String admin3 = RowContext.clean(r.get("admin3"));
        String location = RowContext.clean(r.get("location"));
        return IncidentDraft.of(id, date(r.get("event_date"), row))
                .datePrecision(row.coded(
                        "time_precision",
                        r.get("time_precision"),
                        TIME_PRECISION,
                        DatePrecision.DAY,
                        "not 1, 2 or 3; read as the day"))
                .country(RowContext.clean(r.get("country")))
                .province("admin1", RowContext.clean(r.get("admin1")))
                .district(
                        admin2 != null ? "admin2" : admin3 != null ? "admin3" : "location",
                        admin2 != null ? admin2 : admin3 != null ? admin3 : location)
                .location(row.text("location", location, 500))
                .locationPrecision(row.coded(
                        "geo_precision",
                        r.get("geo_precision"),
                        GEO_PRECISION,
                        null,
                        "not 1, 2 or 3; precision taken from the place"))
                .latitude(row.decimal("latitude", r.get("latitude"), -90, 90))
                .longitude(row.decimal("longitude", r.get("longitude"), -180, 180))
                .eventType(eventType)
                .actor(row.text("actor1", r.get("actor1"), 200))
                .killed(row.count("fatalities", r.get("fatalities")))
                .source(row.text("source", r.get("source"), 500))
                .notes(row.text("notes", r.get("notes"), 4000))
                .detail(new EventDetail(
                        category,
                        subEventType,
                        row.text("actor2", r.get("actor2"), 200),
                        null,
                        null,
                        RowContext.clean(r.get("timestamp"))))
                .districtFallbacks(List.of(admin3 == null ? "" : admin3, location == null ? "" : location))
                .build();
    }

    /** {@code 2024-01-15} or {@code 15 January 2024} (both occur in ACLED exports). */
    private static LocalDate date(String raw, RowContext row) {
        String v = RowContext.clean(raw);
        if (v == null) {
            row.error("event_date", raw, "the date is required");
            return null;
        }
        try {
            return Character.isDigit(v.charAt(0)) && v.length() == 10 && v.charAt(4) == '-'
                    ? LocalDate.parse(v)
                    : LocalDate.parse(v, DAY_MONTH_YEAR);
        } catch (DateTimeParseException e) {
            row.error("event_date", raw, "not a date: 2024-01-15 or 15 January 2024");
            return null;
        }
    }
}
