package org.militrend.aggregate;

import java.util.Locale;
import java.util.Optional;

/**
 * An aggregate metric and its HQL. SQL's SUM skips NULLs and is NULL when every value is: so an
 * unknown count adds 0 to a sum, and a sum over incidents whose counts are all unknown stays
 * unknown (null), as the contract says. An incident's casualties are unknown only when both its
 * killed and injured are.
 */
public enum Metric {
    INCIDENTS("incidents", "count(i)", null),
    KILLED("killed", "sum(i.killed)", "i.killed is null"),
    INJURED("injured", "sum(i.injured)", "i.injured is null"),
    CASUALTIES(
            "casualties",
            "sum(case when i.killed is null and i.injured is null then null"
                    + " else coalesce(i.killed, 0) + coalesce(i.injured, 0) end)",
            "i.killed is null and i.injured is null"),
    KILLED_CIVILIANS("killedCivilians", "sum(i.killedCivilians)", "i.killedCivilians is null"),
    KILLED_SECURITY_FORCES("killedSecurityForces", "sum(i.killedSecurityForces)", "i.killedSecurityForces is null"),
    KILLED_MILITANTS("killedMilitants", "sum(i.killedMilitants)", "i.killedMilitants is null");

    private final String key;
    private final String hql;
    private final String unknownWhen;

    Metric(String key, String hql, String unknownWhen) {
        this.key = key;
        this.hql = hql;
        this.unknownWhen = unknownWhen;
    }

    /** False for the incident count, which is never unknown. */
    public boolean canBeUnknown() {
        return unknownWhen != null;
    }

    /** The number of incidents whose count of this metric is unknown (0 for incidents). */
    String unknownHql() {
        return unknownWhen == null ? "count(i) - count(i)" : "sum(case when " + unknownWhen + " then 1 else 0 end)";
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
