package org.militrend.incident;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one description of an incident's columns: its name, SQL column, kind, width, native CSV
 * header and place in the content hash. The writer's SQL and binding, the hash, the native CSV
 * header and export, the native reader's header and width checks, and the entity the REST edits
 * write are derived from it.
 *
 * <p>The constants are in hash order, which must never change: stored rows compare their hash on
 * re-import. Columns the writer derives (periods, hash, import) are not content and not listed.
 */
public enum IncidentColumn {
    DATASET(
            "dataset",
            Sql.text("dataset", 64),
            Csv.extension(24, "dataset"),
            Hash.POSITIONAL,
            IncidentValues::dataset,
            IncidentView::dataset,
            (i, x) -> i.dataset = (String) x),
    EXTERNAL_ID(
            "externalId",
            Sql.text("external_id", 128),
            Csv.contract(1, "external_id"),
            Hash.POSITIONAL,
            IncidentValues::externalId,
            IncidentView::externalId,
            (i, x) -> i.externalId = (String) x),
    DATE(
            "date",
            new Sql("event_date", Kind.DATE, 0),
            Csv.contract(2, "date"),
            Hash.POSITIONAL,
            v -> v.when().date(),
            IncidentView::date,
            (i, x) -> i.setEventDate((LocalDate) x)),
    DATE_PRECISION(
            "datePrecision",
            Sql.text("date_precision", 8),
            Csv.contract(3, "date_precision"),
            Hash.POSITIONAL,
            v -> v.when().precision().key(),
            IncidentView::datePrecision,
            (i, x) -> i.datePrecision = (String) x),
    COUNTRY(
            "country",
            Sql.text("country", 64),
            Csv.extension(23, "country"),
            Hash.POSITIONAL,
            v -> v.place().country(),
            IncidentView::country,
            (i, x) -> i.country = (String) x),
    PROVINCE(
            "provinceCode",
            Sql.text("province_code", 8),
            Csv.contract(4, "province"),
            Hash.POSITIONAL,
            v -> v.place().provinceCode(),
            IncidentView::province,
            (i, x) -> i.provinceCode = (String) x),
    DISTRICT(
            "districtCode",
            Sql.text("district_code", 48),
            Csv.contract(5, "district"),
            Hash.POSITIONAL,
            v -> v.place().districtCode(),
            IncidentView::district,
            (i, x) -> i.districtCode = (String) x),
    LOCATION(
            "location",
            Sql.text("location", 500),
            Csv.contract(6, "location"),
            Hash.POSITIONAL,
            v -> v.place().location(),
            IncidentView::location,
            (i, x) -> i.location = (String) x),
    LOCATION_PRECISION(
            "locationPrecision",
            Sql.text("location_precision", 10),
            Csv.contract(7, "location_precision"),
            Hash.POSITIONAL,
            v -> v.place().locationPrecision().key(),
            IncidentView::locationPrecision,
            (i, x) -> i.locationPrecision = (String) x),
    LATITUDE(
            "latitude",
            Sql.decimal("latitude"),
            Csv.contract(8, "latitude"),
            Hash.POSITIONAL,
            v -> v.place().latitude(),
            IncidentView::latitude,
            (i, x) -> i.latitude = (Double) x),
    LONGITUDE(
            "longitude",
            Sql.decimal("longitude"),
            Csv.contract(9, "longitude"),
            Hash.POSITIONAL,
            v -> v.place().longitude(),
            IncidentView::longitude,
            (i, x) -> i.longitude = (Double) x),
    EVENT_TYPE(
            "eventType",
            Sql.text("event_type", 80),
            Csv.contract(10, "event_type"),
            Hash.POSITIONAL,
            v -> v.event().eventType(),
            IncidentView::eventType,
            (i, x) -> i.eventType = (String) x),
    ACTOR(
            "actor",
            Sql.text("actor", 200),
            Csv.contract(11, "actor"),
            Hash.POSITIONAL,
            v -> v.event().actor(),
            IncidentView::actor,
            (i, x) -> i.actor = (String) x),
    TARGET(
            "target",
            Sql.text("target", 200),
            Csv.contract(12, "target"),
            Hash.POSITIONAL,
            v -> v.event().target(),
            IncidentView::target,
            (i, x) -> i.target = (String) x),
    KILLED(
            "killed",
            Sql.count("killed"),
            Csv.contract(13, "killed"),
            Hash.POSITIONAL,
            v -> v.casualties().killed(),
            v -> v.casualties().killed(),
            (i, x) -> i.killed = (Integer) x),
    KILLED_MIN(
            "killedMin",
            Sql.count("killed_min"),
            Csv.extension(21, "killed_min"),
            Hash.POSITIONAL,
            v -> v.casualties().killedMin(),
            v -> v.casualties().killedMin(),
            (i, x) -> i.killedMin = (Integer) x),
    KILLED_CIVILIANS(
            "killedCivilians",
            Sql.count("killed_civilians"),
            Csv.contract(14, "killed_civilians"),
            Hash.POSITIONAL,
            v -> v.casualties().killedCivilians(),
            v -> v.casualties().killedCivilians(),
            (i, x) -> i.killedCivilians = (Integer) x),
    KILLED_SECURITY_FORCES(
            "killedSecurityForces",
            Sql.count("killed_security_forces"),
            Csv.contract(15, "killed_security_forces"),
            Hash.POSITIONAL,
            v -> v.casualties().killedSecurityForces(),
            v -> v.casualties().killedSecurityForces(),
            (i, x) -> i.killedSecurityForces = (Integer) x),
    KILLED_MILITANTS(
            "killedMilitants",
            Sql.count("killed_militants"),
            Csv.contract(16, "killed_militants"),
            Hash.POSITIONAL,
            v -> v.casualties().killedMilitants(),
            v -> v.casualties().killedMilitants(),
            (i, x) -> i.killedMilitants = (Integer) x),
    INJURED(
            "injured",
            Sql.count("injured"),
            Csv.contract(17, "injured"),
            Hash.POSITIONAL,
            v -> v.casualties().injured(),
            v -> v.casualties().injured(),
            (i, x) -> i.injured = (Integer) x),
    INJURED_MIN(
            "injuredMin",
            Sql.count("injured_min"),
            Csv.extension(22, "injured_min"),
            Hash.POSITIONAL,
            v -> v.casualties().injuredMin(),
            v -> v.casualties().injuredMin(),
            (i, x) -> i.injuredMin = (Integer) x),
    SOURCE(
            "source",
            Sql.text("source", 500),
            Csv.contract(18, "source"),
            Hash.POSITIONAL,
            v -> v.provenance().source(),
            IncidentView::source,
            (i, x) -> i.source = (String) x),
    SOURCE_URL(
            "sourceUrl",
            Sql.text("source_url", 2000),
            Csv.contract(19, "source_url"),
            Hash.POSITIONAL,
            v -> v.provenance().sourceUrl(),
            IncidentView::sourceUrl,
            (i, x) -> i.sourceUrl = (String) x),
    NOTES(
            "notes",
            Sql.text("notes", 4000),
            Csv.contract(20, "notes"),
            Hash.POSITIONAL,
            v -> v.provenance().notes(),
            IncidentView::notes,
            (i, x) -> i.notes = (String) x),
    // The detail columns came later: they enter the hash only when they say more than a row
    // stored before them could, so re-importing an older file still finds its rows unchanged.
    CATEGORY(
            "category",
            Sql.text("category", 24),
            Csv.extension(26, "category"),
            Hash.UNLESS_INFERRED,
            v -> v.detail().category().key(),
            IncidentView::category,
            (i, x) -> i.category = (String) x),
    SUB_EVENT_TYPE(
            "subEventType",
            Sql.text("sub_event_type", 120),
            Csv.extension(27, "sub_event_type"),
            Hash.WHEN_SET,
            v -> v.detail().subEventType(),
            IncidentView::subEventType,
            (i, x) -> i.subEventType = (String) x),
    ACTOR2(
            "actor2",
            Sql.text("actor2", 200),
            Csv.extension(28, "actor2"),
            Hash.WHEN_SET,
            v -> v.detail().actor2(),
            IncidentView::actor2,
            (i, x) -> i.actor2 = (String) x),
    KILLED_LOW(
            "killedLow",
            Sql.count("killed_low"),
            Csv.extension(29, "killed_low"),
            Hash.WHEN_SET,
            v -> v.detail().killedLow(),
            IncidentView::killedLow,
            (i, x) -> i.killedLow = (Integer) x),
    KILLED_HIGH(
            "killedHigh",
            Sql.count("killed_high"),
            Csv.extension(30, "killed_high"),
            Hash.WHEN_SET,
            v -> v.detail().killedHigh(),
            IncidentView::killedHigh,
            (i, x) -> i.killedHigh = (Integer) x),
    SOURCE_RELEASE(
            "sourceRelease",
            Sql.text("source_release", 64),
            Csv.extension(31, "source_release"),
            Hash.WHEN_SET,
            v -> v.detail().sourceRelease(),
            IncidentView::sourceRelease,
            (i, x) -> i.sourceRelease = (String) x),
    /** The service's id: exported, informational on import, never written or hashed. */
    ID("id", null, Csv.extension(25, "id"), Hash.NONE, v -> null, IncidentView::id, null);

    /** How a column's value is stored. */
    public enum Kind {
        TEXT,
        COUNT,
        DECIMAL,
        DATE
    }

    /** How a column enters the content hash. */
    enum Hash {
        /** Always, at its place; null and empty differ. */
        POSITIONAL,
        /** As {@code name=value}, only when set. */
        WHEN_SET,
        /** As {@code name=value}, only when it differs from what the event type implies. */
        UNLESS_INFERRED,
        NONE
    }

    /**
     * The SQL column.
     *
     * @param width the maximum length of a text column, 0 for other kinds
     */
    public record Sql(String column, Kind kind, int width) {
        static Sql text(String column, int width) {
            return new Sql(column, Kind.TEXT, width);
        }

        static Sql count(String column) {
            return new Sql(column, Kind.COUNT, 0);
        }

        static Sql decimal(String column) {
            return new Sql(column, Kind.DECIMAL, 0);
        }
    }

    /**
     * The native CSV column.
     *
     * @param order its place in the export
     * @param contract whether the contract names it (the rest are extensions)
     */
    public record Csv(int order, String header, boolean contract) {
        static Csv contract(int order, String header) {
            return new Csv(order, header, true);
        }

        static Csv extension(int order, String header) {
            return new Csv(order, header, false);
        }
    }

    private final String field;
    private final Sql sql;
    private final Csv csv;
    private final Hash hash;
    private final Function<IncidentValues, Object> stored;
    private final Function<IncidentView, Object> shown;
    private final BiConsumer<Incident, Object> entity;

    IncidentColumn(
            String field,
            Sql sql,
            Csv csv,
            Hash hash,
            Function<IncidentValues, Object> stored,
            Function<IncidentView, Object> shown,
            BiConsumer<Incident, Object> entity) {
        this.field = field;
        this.sql = sql;
        this.csv = csv;
        this.hash = hash;
        this.stored = stored;
        this.shown = shown;
        this.entity = entity;
    }

    /** The columns the database stores, in hash order. */
    public static final List<IncidentColumn> STORED =
            Arrays.stream(values()).filter(c -> c.sql != null).toList();

    /** The native CSV columns, in export order. */
    public static final List<IncidentColumn> CSV = Arrays.stream(values())
            .sorted(Comparator.comparingInt(c -> c.csv.order()))
            .toList();

    /** The field's name (JSON, hash tags). */
    public String field() {
        return field;
    }

    public Sql sql() {
        return sql;
    }

    /** The native CSV header. */
    public String header() {
        return csv.header();
    }

    /** The maximum length of a text value, 0 when the column is not text. */
    public int width() {
        return sql == null ? 0 : sql.width();
    }

    public boolean contract() {
        return csv.contract();
    }

    Hash hash() {
        return hash;
    }

    /** The value as stored (precisions and the category as their keys). */
    public Object stored(IncidentValues v) {
        return stored.apply(v);
    }

    /** Sets the entity's field to {@code value}, a value as {@link #stored} gives it. */
    void store(Incident i, Object value) {
        entity.accept(i, value);
    }

    /** The value as the native CSV export writes it. */
    public Object shown(IncidentView v) {
        return shown.apply(v);
    }
}
