package org.militrend.incident;

import java.util.Locale;
import java.util.Optional;

/** How exactly a source dates an incident. Stored and serialized as the lower-case key. */
public enum DatePrecision {
    DAY,
    WEEK,
    MONTH,
    YEAR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DatePrecision> parse(String s) {
        for (DatePrecision p : values()) {
            if (p.key().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
