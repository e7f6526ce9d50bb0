package org.militrend.rollup;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rollups of incidents, smallest first: each groups incidents by its key columns and holds
 * the same sums ({@link Rollup#SUM_COLUMNS}). A read uses the first one whose key has every
 * column the query groups or filters on.
 */
public enum RollupTable {
    /**
     * Places and months only (migration V51): ~38,400 rows for 160 districts over 20 years,
     * whatever the number of incidents, types and actors; what a district-by-month table, the
     * map, hotspots and place trends need.
     */
    PLACE(
            "incident_place_month_rollup",
            "dataset, province_code, district_code, division_code, period_year, period_quarter, period_month,"
                    + " date_precision"),
    /** Every dimension but the week (migration V50). */
    FULL("incident_month_rollup", Rollup.KEY);

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
}
