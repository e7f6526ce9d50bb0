package org.militrend.aggregate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An aggregate metric, as HQL over incidents and as SQL over a rollup's sums. SQL's SUM skips NULLs and is NULL when every value is: so an
 * unknown count adds 0 to a sum, and a sum over incidents whose counts are all unknown stays
 * unknown (null), as the contract says. An incident's casualties are unknown only when both its
 * killed and injured are.
 */
public enum Metric {
    INCIDENTS("incidents", "count(i)", null, "r.incidents", null),
    KILLED("killed", "sum(i.killed)", "i.killed is null", "r.killed", "r.killed_unknown"),
    INJURED("injured", "sum(i.injured)", "i.injured is null", "r.injured", "r.injured_unknown"),
    CASUALTIES(
            "casualties",
            "sum(case when i.killed is null and i.injured is null then null"
                    + " else coalesce(i.killed, 0) + coalesce(i.injured, 0) end)",
            "i.killed is null and i.injured is null",
            "r.killed + r.injured",
            "r.casualties_unknown"),
    KILLED_CIVILIANS(
            "killedCivilians",
            "sum(i.killedCivilians)",
            "i.killedCivilians is null",
            "r.killed_civilians",
            "r.killed_civilians_unknown"),
    KILLED_SECURITY_FORCES(
            "killedSecurityForces",
            "sum(i.killedSecurityForces)",
            "i.killedSecurityForces is null",
            "r.killed_security_forces",
            "r.killed_security_forces_unknown"),
    KILLED_MILITANTS(
            "killedMilitants",
            "sum(i.killedMilitants)",
            "i.killedMilitants is null",
            "r.killed_militants",
            "r.killed_militants_unknown");

    private final String key;
    private final String hql;
    private final String unknownWhen;
    /** The rollup's columns whose sums add up to the known counts, in SQL over its rows {@code r}. */
    private final String rollupSum;
    /** The rollup's column counting the incidents of {@link #unknownWhen}. */
    private final String rollupUnknown;

    Metric(String key, String hql, String unknownWhen, String rollupSum, String rollupUnknown) {
        this.key = key;
        this.hql = hql;
        this.unknownWhen = unknownWhen;
        this.rollupSum = rollupSum;
        this.rollupUnknown = rollupUnknown;
    }

    /** False for the incident count, which is never unknown. */
    public boolean canBeUnknown() {
        return unknownWhen != null;
    }

    /** The number of incidents whose count of this metric is unknown (0 for incidents). */
    String unknownHql() {
        return unknownWhen == null ? "count(i) - count(i)" : "sum(case when " + unknownWhen + " then 1 else 0 end)";
    }

    /**
     * {@link #hql()} over the rows {@code r} of a rollup: the sum of the known counts, null when
     * every incident of the group has the count unknown (its unknowns add up to its incidents).
     */
    String rollupSql() {
        if (rollupUnknown == null) {
            return "COALESCE(" + sumOfColumns() + ", 0)";
        }
        return "CASE WHEN SUM(" + rollupUnknown + ") = SUM(r.incidents) THEN NULL ELSE " + sumOfColumns() + " END";
    }

    /**
     * The sum of each of {@link #rollupSum}'s columns, added: a column is summed on its own, as
     * the database's BIGINT sum of it, so that adding two columns of a row never overflows the
     * rollup's INTEGER column type.
     */
    private String sumOfColumns() {
        return Arrays.stream(rollupSum.split("\\+"))
                .map(column -> bigint("SUM(" + column.trim() + ")"))
                .collect(Collectors.joining(" + "));
    }

    /** {@link #unknownHql()} over the rows {@code r} of a rollup. */
    String unknownRollupSql() {
        return rollupUnknown == null ? "0" : bigint("SUM(" + rollupUnknown + ")");
    }

    /**
     * A sum of a rollup's column as BIGINT: SQL makes the sum of a BIGINT column (the full rollup's)
     * NUMERIC, which PostgreSQL sends as a decimal that the driver turns into a {@code BigDecimal}
     * before the long the answer needs, for each of a large table's ~10 cells per row
     * (docs/benchmarks.md, "The answer's own cost"); the sum of an INTEGER column is already
     * BIGINT. A sum past 2^63 is no count of incidents or casualties.
     */
    static String bigint(String sum) {
        return "CAST(" + sum + " AS BIGINT)";
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
