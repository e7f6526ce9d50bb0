package org.militrend.aggregate;

import java.util.Locale;
import java.util.Optional;
import org.militrend.incident.Periods.Granularity;

/**
 * A {@code groupBy} dimension and the expressions it groups on: HQL over incidents, SQL over a
 * rollup. {@code region} splits
 * Khyber Pakhtunkhwa into the KP mainland and the former FATA districts and keeps every other
 * province whole, because Pakistani reports always make that split.
 */
public enum Dimension {
    PROVINCE("province", "i.provinceCode", null, "r.province_code"),
    DISTRICT("district", "i.districtCode", null, "r.district_code"),
    DIVISION("division", "i.divisionCode", null, "r.division_code"),
    REGION(
            "region",
            "case when d.formerFata = true then 'former-fata' when i.provinceCode = 'PK-KP' and i.districtCode is null"
                    + " then 'kp-unknown' when i.provinceCode = 'PK-KP' then 'kp-mainland' else i.provinceCode end",
            null,
            "CASE WHEN d.former_fata = TRUE THEN 'former-fata' WHEN r.province_code = 'PK-KP' AND r.district_code IS"
                    + " NULL THEN 'kp-unknown' WHEN r.province_code = 'PK-KP' THEN 'kp-mainland' ELSE r.province_code"
                    + " END"),
    EVENT_TYPE("eventType", "i.eventType", null, "r.event_type"),
    ACTOR("actor", "i.actor", null, "r.actor"),
    DATASET("dataset", "i.dataset", null, "r.dataset"),
    CATEGORY("category", "i.category", null, "r.category"),
    YEAR("year", "i.periodYear", Granularity.YEAR, "r.period_year"),
    QUARTER("quarter", "i.periodQuarter", Granularity.QUARTER, "r.period_quarter"),
    MONTH("month", "i.periodMonth", Granularity.MONTH, "r.period_month"),
    /** Rollups are monthly: a week can only be read from the incidents. */
    WEEK("week", "i.periodWeek", Granularity.WEEK, null);

    private final String key;
    private final String hql;
    private final Granularity granularity;
    private final String rollupSql;

    Dimension(String key, String hql, Granularity granularity, String rollupSql) {
        this.key = key;
        this.hql = hql;
        this.granularity = granularity;
        this.rollupSql = rollupSql;
    }

    public String key() {
        return key;
    }

    String hql() {
        return hql;
    }

    /**
     * The same expression in SQL over a rollup row {@code r} (and the district {@code d} of its
     * {@code district_code}), or null when no rollup has the dimension.
     */
    String rollupSql() {
        return rollupSql;
    }

    /** Whether the expression needs the district joined (as {@code d}). */
    boolean joinsDistrict() {
        return this == REGION;
    }

    /** The time granularity of a time dimension, null for the others. */
    public Granularity granularity() {
        return granularity;
    }

    public boolean isTime() {
        return granularity != null;
    }

    public static Optional<Dimension> parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (Dimension d : values()) {
            if (d.key.toLowerCase(Locale.ROOT).equals(k)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Dimension of(Granularity g) {
        return switch (g) {
            case YEAR -> YEAR;
            case QUARTER -> QUARTER;
            case MONTH -> MONTH;
            case WEEK -> WEEK;
        };
    }
}
