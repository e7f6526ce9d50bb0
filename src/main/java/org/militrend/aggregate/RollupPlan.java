package org.militrend.aggregate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.IncidentFilter;
import org.militrend.rollup.RollupTable;

/**
 * A query answered from a rollup rather than from the incidents: the one place that decides
 * whether a query can be, from which rollup, and how the filter reads there.
 *
 * <p>A rollup can answer when every grouped dimension has a rollup expression (month or coarser,
 * no week) and the filter names only places, datasets, categories, event types, actors or the
 * region, over whole months: the range's months, with [from, to] widened to them only when the
 * caller found no incident of the filter in the days the widening adds. Of the rollups that have
 * every column needed, the smallest is read.
 *
 * @param table the rollup read
 * @param from first month read, or null for no lower bound
 * @param to last month read, or null for no upper bound
 */
record RollupPlan(RollupTable table, IncidentFilter filter, YearMonth from, YearMonth to) {

    private static final Pattern COLUMN = Pattern.compile("\\br\\.([a-z_]+)");

    /** How a rollup reads one component of the filter. */
    enum Reading {
        /** The date range: every rollup reads it by whole months (see {@link #over}). */
        BY_MONTH,
        /** A rollup answers it when it has the column (and {@link #where} conditions on it). */
        COLUMN,
        /** No rollup can answer it (a free-text search would be one): the incidents must be read. */
        INCIDENTS_ONLY
    }

    /**
     * One component of {@link IncidentFilter}, named as the record names it, and how a rollup
     * reads it when it is set.
     *
     * @param column the rollup column it needs, for {@link Reading#COLUMN}
     */
    record FilterComponent(String name, Predicate<IncidentFilter> set, Reading reading, String column) {

        static FilterComponent byMonth(String name, Predicate<IncidentFilter> set) {
            return new FilterComponent(name, set, Reading.BY_MONTH, null);
        }

        static FilterComponent column(String name, Predicate<IncidentFilter> set, String column) {
            return new FilterComponent(name, set, Reading.COLUMN, column);
        }

        boolean setIn(IncidentFilter filter) {
            return set.test(filter);
        }
    }

    /**
     * Every component of {@link IncidentFilter}: a component missing here would be ignored by
     * the rollup path, which would then answer for more rows than the filter selects, so
     * RollupPlanFilterTest fails when the filter has a component this list does not name.
     */
    static final List<FilterComponent> FILTER_COMPONENTS = List.of(
            FilterComponent.byMonth("from", f -> f.from() != null),
            FilterComponent.byMonth("to", f -> f.to() != null),
            FilterComponent.column("provinceCodes", f -> !f.provinceCodes().isEmpty(), "province_code"),
            FilterComponent.column("districtCodes", f -> !f.districtCodes().isEmpty(), "district_code"),
            FilterComponent.column("eventTypes", f -> !f.eventTypes().isEmpty(), "event_type"),
            FilterComponent.column("actors", f -> !f.actors().isEmpty(), "actor"),
            FilterComponent.column("datasets", f -> !f.datasets().isEmpty(), "dataset"),
            // the region is the districts whose district row says former FATA
            FilterComponent.column("formerFata", f -> f.formerFata() != null, "district_code"),
            FilterComponent.column("categories", f -> !f.categories().isEmpty(), "category"),
            FilterComponent.column("divisionCodes", f -> !f.divisionCodes().isEmpty(), "division_code"));

    /**
     * The smallest rollup having every column of {@code dimensions} and of the filter (its
     * range aside), or empty when no rollup can answer.
     */
    static Optional<RollupTable> table(Collection<Dimension> dimensions, IncidentFilter filter) {
        Set<String> needed = new HashSet<>();
        for (Dimension d : dimensions) {
            if (d.rollupSql() == null) {
                return Optional.empty();
            }
            columns(d.rollupSql(), needed);
        }
        for (FilterComponent c : FILTER_COMPONENTS) {
            if (c.setIn(filter)) {
                switch (c.reading()) {
                    case BY_MONTH -> {}
                    case COLUMN -> needed.add(c.column());
                    case INCIDENTS_ONLY -> {
                        return Optional.empty();
                    }
                }
            }
        }
        for (RollupTable t : RollupTable.values()) {
            if (t.hasAll(needed)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code from} is the first day of its month (or absent): the range starts on a month. */
    static boolean startsMonth(LocalDate from) {
        return from == null || from.getDayOfMonth() == 1;
    }

    /** Whether {@code to} is the last day of its month (or absent): the range ends with a month. */
    static boolean endsMonth(LocalDate to) {
        return to == null || to.equals(YearMonth.from(to).atEndOfMonth());
    }

    /** The plan of {@code table} over the whole months of the filter's range. */
    static RollupPlan over(RollupTable table, IncidentFilter filter) {
        return new RollupPlan(
                table,
                filter,
                filter.from() == null ? null : YearMonth.from(filter.from()),
                filter.to() == null ? null : YearMonth.from(filter.to()));
    }

    /** The FROM clause: the rollup as {@code r}, with the district as {@code d} when a dimension needs it. */
    String from(Collection<Dimension> dimensions) {
        boolean join = dimensions.stream().anyMatch(Dimension::joinsDistrict);
        return " FROM " + table.table() + " r" + (join ? " LEFT JOIN district d ON d.code = r.district_code" : "");
    }

    /**
     * The WHERE condition over {@code r}, as {@link IncidentFilter#hql} reads over incidents;
     * binds its parameters into {@code params}.
     */
    String where(Map<String, Object> params) {
        StringJoiner where = new StringJoiner(" AND ");
        where.add("1=1");
        if (from != null) {
            where.add("r.period_month >= :fromMonth");
            params.put("fromMonth", from.toString());
        }
        if (to != null) {
            where.add("r.period_month <= :toMonth");
            params.put("toMonth", to.toString());
        }
        in(where, params, "r.province_code", "provinces", filter.provinceCodes());
        List<String> districts = filter.districtCodes();
        List<String> divisions = filter.divisionCodes();
        if (!districts.isEmpty() && !divisions.isEmpty()) {
            where.add("(r.district_code IN (:districts) OR r.division_code IN (:divisions))");
            params.put("districts", districts);
            params.put("divisions", divisions);
        } else {
            in(where, params, "r.district_code", "districts", districts);
            in(where, params, "r.division_code", "divisions", divisions);
        }
        in(where, params, "LOWER(r.event_type)", "eventTypes", filter.eventTypes());
        in(where, params, "LOWER(r.actor)", "actors", filter.actors());
        in(where, params, "r.dataset", "datasets", filter.datasets());
        in(where, params, "r.category", "categories", filter.categories());
        if (filter.formerFata() != null) {
            where.add("r.district_code IN (SELECT code FROM district WHERE former_fata = :fata)");
            params.put("fata", filter.formerFata());
        }
        return where.toString();
    }

    /**
     * The count of incidents dated less precisely than the bucket, among the precisions
     * {@code coarser}: from the date precision in the key, or from the count of year-dated
     * incidents where the key has none (the only precision coarser than the month, quarter or year
     * buckets a rollup answers; a week bucket reads the incidents).
     */
    String coarseDated(List<String> coarser, Map<String, Object> params) {
        if (coarser.isEmpty()) {
            return "0";
        }
        if (!table.keysDatePrecision()) {
            if (!coarser.equals(List.of(DatePrecision.YEAR.key()))) {
                throw new IllegalStateException(table + " counts only year-dated incidents, not " + coarser);
            }
            return Metric.bigint("SUM(r." + RollupTable.YEAR_DATED + ")");
        }
        params.put("coarser", coarser);
        return Metric.bigint("SUM(CASE WHEN r.date_precision IN (:coarser) THEN r.incidents ELSE 0 END)");
    }

    private static void in(
            StringJoiner where, Map<String, Object> params, String column, String name, List<String> values) {
        if (!values.isEmpty()) {
            where.add(column + " IN (:" + name + ")");
            params.put(name, values);
        }
    }

    private static void columns(String sql, Set<String> into) {
        Matcher m = COLUMN.matcher(sql);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
