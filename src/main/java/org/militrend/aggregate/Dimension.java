package org.militrend.aggregate;

import java.util.Locale;
import java.util.Optional;
import org.militrend.incident.Periods.Granularity;

/**
 * A {@code groupBy} dimension and the HQL expression it groups on. {@code region} splits
 * Khyber Pakhtunkhwa into the KP mainland and the former FATA districts and keeps every other
 * province whole, because Pakistani reports always make that split.
 */
public enum Dimension {
    PROVINCE("province", "i.provinceCode", null),
    DISTRICT("district", "i.districtCode", null),
    DIVISION("division", "i.divisionCode", null),
    REGION(
            "region",
            "case when d.formerFata = true then 'former-fata' when i.provinceCode = 'PK-KP' and i.districtCode is null"
                    + " then 'kp-unknown' when i.provinceCode = 'PK-KP' then 'kp-mainland' else i.provinceCode end",
            null),
    EVENT_TYPE("eventType", "i.eventType", null),
    ACTOR("actor", "i.actor", null),
    DATASET("dataset", "i.dataset", null),
    CATEGORY("category", "i.category", null),
    YEAR("year", "i.periodYear", Granularity.YEAR),
    QUARTER("quarter", "i.periodQuarter", Granularity.QUARTER),
    MONTH("month", "i.periodMonth", Granularity.MONTH),
    WEEK("week", "i.periodWeek", Granularity.WEEK);

    private final String key;
    private final String hql;
    private final Granularity granularity;

    Dimension(String key, String hql, Granularity granularity) {
        this.key = key;
        this.hql = hql;
        this.granularity = granularity;
    }

    public String key() {
        return key;
    }

    String hql() {
        return hql;
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
