package org.militrend.aggregate;

import java.util.Locale;
import java.util.Optional;

/** An aggregate metric and its HQL. Unknown (NULL) counts add 0 to sums, as the contract says. */
public enum Metric {
    INCIDENTS("incidents", "count(i)"),
    KILLED("killed", "sum(coalesce(i.killed, 0))"),
    INJURED("injured", "sum(coalesce(i.injured, 0))"),
    CASUALTIES("casualties", "sum(coalesce(i.killed, 0) + coalesce(i.injured, 0))"),
    KILLED_CIVILIANS("killedCivilians", "sum(coalesce(i.killedCivilians, 0))"),
    KILLED_SECURITY_FORCES("killedSecurityForces", "sum(coalesce(i.killedSecurityForces, 0))"),
    KILLED_MILITANTS("killedMilitants", "sum(coalesce(i.killedMilitants, 0))");

    private final String key;
    private final String hql;

    Metric(String key, String hql) {
        this.key = key;
        this.hql = hql;
    }

    public String key() {
        return key;
    }

    String hql() {
        return hql;
    }

    public static Optional<Metric> parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.key.toLowerCase(Locale.ROOT).equals(k)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
