package org.militrend.rollup;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;

/**
 * The monthly rollup of incidents ({@code incident_month_rollup}, migration V50): its SQL, and
 * the JDBC operations that keep it equal to a GROUP BY over incidents. Every operation runs on
 * the caller's connection, inside the transaction that wrote the incidents.
 *
 * <p>A write recomputes the months it touched (of the old and the new values of an updated row)
 * from the incidents, rather than adding and subtracting deltas: the GROUP BY is exact whatever
 * the mix of inserts, updates and deletes, and NULL places, types and actors need no upsert on a
 * key with NULLs. Concurrent writers are serialized on the data_version row first, so that each
 * recomputation sees every write committed before it (READ COMMITTED on both databases).
 */
public final class Rollup {

    /** The rollup's grouping columns, in table order. */
    static final String KEY = "dataset, province_code, district_code, division_code, category, event_type, actor,"
            + " period_year, period_quarter, period_month, date_precision";

    /** The rollup's columns computed from a group of incidents, in table order. */
    static final String SUMS = "COUNT(*),"
            + " COALESCE(SUM(killed), 0), COUNT(*) - COUNT(killed),"
            + " COALESCE(SUM(injured), 0), COUNT(*) - COUNT(injured),"
            + " SUM(CASE WHEN killed IS NULL AND injured IS NULL THEN 1 ELSE 0 END),"
            + " COALESCE(SUM(killed_civilians), 0), COUNT(*) - COUNT(killed_civilians),"
            + " COALESCE(SUM(killed_security_forces), 0), COUNT(*) - COUNT(killed_security_forces),"
            + " COALESCE(SUM(killed_militants), 0), COUNT(*) - COUNT(killed_militants)";

    /** The rollup's rows as a GROUP BY over incidents, with the WHERE clause appended by callers. */
    private static final String GROUPED = "SELECT " + KEY + ", " + SUMS + " FROM incident";

    private static final String INSERT_GROUPED = "INSERT INTO incident_month_rollup " + GROUPED;

    private static final String SLICE = " WHERE dataset = ? AND event_date >= ? AND event_date < ?";

    private static final String LOCK = "SELECT version FROM data_version WHERE id = 1 FOR UPDATE";

    private Rollup() {}

    /**
     * Recomputes the rollup of one dataset's months {@code from} to {@code to}, both included.
     * The range may cover months without incidents; their rows simply disappear.
     */
    public static void refresh(Connection c, String dataset, YearMonth from, YearMonth to) throws SQLException {
        lock(c);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM incident_month_rollup"
                + " WHERE dataset = ? AND period_month >= ? AND period_month <= ?")) {
            delete.setString(1, dataset);
            delete.setString(2, from.toString());
            delete.setString(3, to.toString());
            delete.executeUpdate();
        }
        // the date range (the months' days) lets both databases use the (dataset, event_date) index
        try (PreparedStatement insert = c.prepareStatement(INSERT_GROUPED + SLICE + " GROUP BY " + KEY)) {
            insert.setString(1, dataset);
            insert.setDate(2, Date.valueOf(from.atDay(1)));
            insert.setDate(3, Date.valueOf(to.plusMonths(1).atDay(1)));
            insert.executeUpdate();
        }
    }

    /** Recomputes the whole rollup; returns the number of its rows. */
    public static long rebuild(Connection c) throws SQLException {
        lock(c);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM incident_month_rollup");
            return s.executeUpdate(INSERT_GROUPED + " GROUP BY " + KEY);
        }
    }

    /**
     * Compares the rollup with a GROUP BY over incidents: the rows in one and not the other
     * (EXCEPT compares NULLs as equal), and the row counts, which catch a group stored twice.
     */
    public static Consistency check(Connection c) throws SQLException {
        String stored = "SELECT * FROM incident_month_rollup";
        String grouped = GROUPED + " GROUP BY " + KEY;
        long onlyInRollup = count(c, "(" + stored + " EXCEPT " + grouped + ")");
        long onlyInIncidents = count(c, "(" + grouped + " EXCEPT " + stored + ")");
        long rollupRows = count(c, "incident_month_rollup");
        long groups = count(c, "(" + grouped + ")");
        long rollupIncidents = single(c, "SELECT COALESCE(SUM(incidents), 0) FROM incident_month_rollup");
        long incidents = single(c, "SELECT COUNT(*) FROM incident");
        return new Consistency(
                onlyInRollup == 0 && onlyInIncidents == 0 && rollupRows == groups,
                new Consistency.Rows(rollupRows, groups, onlyInRollup, onlyInIncidents),
                new Consistency.Incidents(rollupIncidents, incidents));
    }

    private static void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(LOCK)) {
            rs.next();
        }
    }

    private static long count(Connection c, String from) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM " + from + " t");
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
