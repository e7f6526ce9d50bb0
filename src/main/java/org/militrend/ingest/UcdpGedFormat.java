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
 * UCDP Georeferenced Event Dataset (GED), the 49 columns of releases 20.1-26.1 and of the
 * monthly Candidate files. {@code id} is the key, so a later release of an event updates it.
 * {@code best} is killed and {@code low}/{@code high} its range; {@code deaths_civilians} the
 * civilians; in state-based violence (type 1) against the service's own government, the
 * government side's deaths are security forces and the other side's militants. Place from
 * {@code adm_2}, then {@code where_coordinates}, then {@code adm_1}.
 */
@ApplicationScoped
class UcdpGedFormat implements ImportFormat {

    static final String CITATION = "Sundberg, Ralph, and Erik Melander, 2013, \"Introducing the UCDP Georeferenced"
            + " Event Dataset\", Journal of Peace Research, vol. 50, no. 4, 523-532; Davies, Shawn, Therese"
            + " Pettersson, Margareta Sollenberg and Magnus Öberg, 2025, \"Organized violence 1989-2024\", Journal of"
            + " Peace Research 62(4).";

    /** date_prec 1 = the day; 2-3 = within a week; 4 = within a month; 5 = within the year. */
    private static final Map<String, DatePrecision> DATE_PREC = Map.of(
            "1", DatePrecision.DAY,
            "2", DatePrecision.WEEK,
            "3", DatePrecision.WEEK,
            "4", DatePrecision.MONTH,
            "5", DatePrecision.YEAR);

    /**
     * where_prec 1-2 = the place or within 25 km of it (exact); 3 = a second-order division
     * (district); 4 = a first-order division (province); 5 = a linear feature or between places
     * (district); 6-7 = the country, or waters and air space.
     */
    private static final Map<String, LocationPrecision> WHERE_PREC = Map.of(
            "1", LocationPrecision.EXACT,
            "2", LocationPrecision.EXACT,
            "3", LocationPrecision.DISTRICT,
            "4", LocationPrecision.PROVINCE,
            "5", LocationPrecision.DISTRICT,
            "6", LocationPrecision.COUNTRY,
            "7", LocationPrecision.COUNTRY);

    private static final List<String> REQUIRED =
            List.of("id", "date_start", "country", "type_of_violence", "side_a", "side_b", "best", "adm_1");

    @Override
    public String name() {
        return "ucdp-ged";
    }

    @Override
    public String dateColumn() {
        return "date_start";
    }

    @Override
    public DatasetInfo defaultDataset() {
        return new DatasetInfo(
                "ucdp-ged",
                name(),
                CITATION,
                "CC BY 4.0",
                "https://ucdp.uu.se/downloads/",
                "UCDP Georeferenced Event Dataset",
                "Organized violence with at least one death (state-based, non-state, one-sided)",
                true,
                "open");
    }

    @Override
    public List<ImportMessage> checkHeader(List<String> header, ImportOptions options) {
        return ImportFormat.missing(header, REQUIRED, "UCDP GED");
    }

    @Override
    public String country(SourceRow r) {
        return r.get("country");
    }

    @Override
    public IncidentDraft read(SourceRow r, RowContext row, ImportOptions options) {
        String id = RowContext.clean(r.get("id"));
        if (id == null) {
            row.error("id", r.get("id"), "the UCDP event id is required");
        }
        LocalDate date = date(r.get("date_start"), row);
        Integer killed = row.count("best", r.get("best"));
        Integer low = row.count("low", r.get("low"));
        Integer high = row.count("high", r.get("high"));
        if (killed != null && low != null && high != null && !(low <= killed && killed <= high)) {
            row.warn(
                    "best",
                    r.get("best"),
                    "low <= best <= high fails (low " + low + ", best " + killed + ", high " + high
                            + "); the row is kept as UCDP gives it");
        }
        String typeRaw = RowContext.clean(r.get("type_of_violence"));
        String sideA = row.text("side_a", r.get("side_a"), 200);
        String sideB = row.text("side_b", r.get("side_b"), 200);
        Integer deathsA = row.count("deaths_a", r.get("deaths_a"));
        Integer deathsB = row.count("deaths_b", r.get("deaths_b"));
        Integer security = null;
        Integer militants = null;
        if ("1".equals(typeRaw)) {
            String government =
                    "government of " + RowContext.clean(r.get("country")).toLowerCase(Locale.ROOT);
            boolean aIsGovernment =
                    sideA != null && sideA.toLowerCase(Locale.ROOT).equals(government);
            boolean bIsGovernment =
                    sideB != null && sideB.toLowerCase(Locale.ROOT).equals(government);
            if (aIsGovernment) {
                security = deathsA;
                militants = isGovernment(sideB) ? null : deathsB;
            } else if (bIsGovernment) {
                security = deathsB;
                militants = isGovernment(sideA) ? null : deathsA;
            }
        }
        String eventType = switch (typeRaw == null ? "" : typeRaw) {
            case "1" -> "State-based conflict";
            case "2" -> "Non-state conflict";
            case "3" -> "One-sided violence";
            default -> {
                row.error("type_of_violence", typeRaw, "must be 1, 2 or 3");
                yield null;
            }
        };
        Category category = "3".equals(typeRaw) ? Category.ARMED_ATTACK : Category.ARMED_CLASH;
        String whereCoordinates = RowContext.clean(r.get("where_coordinates"));
        String adm2 = RowContext.clean(r.get("adm_2"));
        return IncidentDraft.of(id, date)
                .datePrecision(row.coded(
                        "date_prec", r.get("date_prec"), DATE_PREC, DatePrecision.DAY, "not 1-5; read as the day"))
                .country(RowContext.clean(r.get("country")))
                .province("adm_1", RowContext.clean(r.get("adm_1")))
                .district(adm2 != null ? "adm_2" : "where_coordinates", adm2 != null ? adm2 : whereCoordinates)
                .location(row.text("where_coordinates", whereCoordinates, 500))
                .locationPrecision(row.coded(
                        "where_prec", r.get("where_prec"), WHERE_PREC, null, "not 1-7; precision taken from the place"))
                .latitude(row.decimal("latitude", r.get("latitude"), -90, 90))
                .longitude(row.decimal("longitude", r.get("longitude"), -180, 180))
                .eventType(eventType)
                .actor(sideA)
                .target(sideB)
                .killed(killed)
                .killedCivilians(row.count("deaths_civilians", r.get("deaths_civilians")))
                .killedSecurityForces(security)
                .killedMilitants(militants)
                .source(row.text("source_office", r.get("source_office"), 500))
                .notes(notes(r))
                .detail(new EventDetail(
                        category, row.text("dyad_name", r.get("dyad_name"), 120), sideB, low, high, null))
                .districtFallbacks(List.of(whereCoordinates == null ? "" : whereCoordinates))
                .build();
    }

    private static boolean isGovernment(String side) {
        return side != null && side.toLowerCase(Locale.ROOT).startsWith("government of");
    }

    /** {@code 2013-01-03} or {@code 2013-01-03 00:00:00.000}. */
    private static LocalDate date(String raw, RowContext row) {
        String v = RowContext.clean(raw);
        if (v == null || v.length() < 10) {
            row.error("date_start", raw, "not a date YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(v.substring(0, 10));
        } catch (DateTimeException e) {
            row.error("date_start", raw, "not a date YYYY-MM-DD");
            return null;
        }
    }

    private static String notes(SourceRow r) {
        StringJoiner notes = new StringJoiner("; ");
        for (String column : List.of("where_description", "conflict_name", "source_headline", "relid")) {
            String v = RowContext.clean(r.get(column));
            if (v != null) {
                notes.add(column + ": " + v);
            }
        }
        String s = notes.toString();
        return s.isEmpty() ? null : s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
