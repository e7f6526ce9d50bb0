package org.militrend.incident;

import java.util.Locale;
import java.util.Optional;

/** How exactly a source places an incident. Stored and serialized as the lower-case key. */
public enum LocationPrecision {
    EXACT,
    DISTRICT,
    PROVINCE,
    COUNTRY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LocationPrecision> parse(String s) {
        for (LocationPrecision p : values()) {
            if (p.key().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
