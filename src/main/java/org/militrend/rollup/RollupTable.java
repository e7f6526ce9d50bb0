package org.militrend.rollup;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.militrend.incident.DatePrecision;

/**
 * The rollups of incidents, smallest first: each groups incidents by its key columns and holds
 * the same sums ({@link Rollup#SUM_COLUMNS}), plus, in a rollup without the date precision in its
 * key, the count of incidents dated only by their year. A read uses the first one whose key has
 * every column the query groups or filters on.
 */
public enum RollupTable {
    /**
     * Places and months only (migrations V51, V52): one row per dataset, place and month, ~38,400
     * for 160 districts over 20 years whatever the number of incidents, types, actors and date
     * precisions; what a district-by-month table, the map, hotspots and place trends need.
     */
    PLACE(
            "incident_place_month_rollup",
            "dataset, province_code, district_code, division_code, period_year, period_quarter, period_month"),
    /** Every dimension but the week (migration V50). */
    FULL("incident_month_rollup", Rollup.KEY);

    /** The column of a rollup without the date precision that counts the incidents dated only by year. */
    public static final String YEAR_DATED = "year_dated";

    private static final String YEAR = "'" + DatePrecision.YEAR.key() + "'";

    private final String table;
    private final String key;
    private final Set<String> columns;

    RollupTable(String table, String key) {
        this.table = table;
        this.key = key;
        this.columns = Arrays.stream(key.split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet());
    }

    public String table() {
        return table;
    }

    /** The grouping columns, in table order. */
    public String key() {
        return key;
    }

    /** Whether the key has every one of these columns. */
    public boolean hasAll(Set<String> needed) {
        return columns.containsAll(needed);
    }

    /**
     * Whether the key has the date precision; without it, the rollup counts the incidents dated
     * only by year in {@link #YEAR_DATED}, the one precision fact a month, quarter or year bucket
     * needs.
     */
    public boolean keysDatePrecision() {
        return columns.contains("date_precision");
    }

    /** The sum columns, in table order. */
    public String sumColumns() {
        return keysDatePrecision() ? Rollup.SUM_COLUMNS : Rollup.SUM_COLUMNS + ", " + YEAR_DATED;
    }

    /** {@link #sumColumns()} computed from a group of incidents, in the same order. */
    public String sumsOverIncidents() {
        return keysDatePrecision()
                ? Rollup.SUMS
                : Rollup.SUMS + ", SUM(CASE WHEN date_precision = " + YEAR + " THEN 1 ELSE 0 END)";
    }

    /** {@link #sumColumns()} summed over rows of the full rollup, in the same order. */
    String sumsOverFullRollup() {
        String sums = Arrays.stream(Rollup.SUM_COLUMNS.split(","))
                .map(c -> "SUM(" + c.trim() + ")")
                .collect(Collectors.joining(", "));
        return keysDatePrecision()
                ? sums
                : sums + ", SUM(CASE WHEN date_precision = " + YEAR + " THEN incidents ELSE 0 END)";
    }

    /** The number of sum columns. */
    int sumCount() {
        return sumColumns().split(",").length;
    }
}
