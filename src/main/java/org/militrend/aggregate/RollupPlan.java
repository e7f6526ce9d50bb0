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
        if (!filter.datasets().isEmpty()) needed.add("dataset");
        if (!filter.provinceCodes().isEmpty()) needed.add("province_code");
        if (!filter.districtCodes().isEmpty() || filter.formerFata() != null) needed.add("district_code");
        if (!filter.divisionCodes().isEmpty()) needed.add("division_code");
        if (!filter.eventTypes().isEmpty()) needed.add("event_type");
        if (!filter.actors().isEmpty()) needed.add("actor");
        if (!filter.categories().isEmpty()) needed.add("category");
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
