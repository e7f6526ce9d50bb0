package org.militrend.rollup;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.militrend.common.ProblemError;
import org.militrend.common.ProblemException;

/**
 * The rollups of incidents ({@link RollupTable}: {@code incident_month_rollup}, migration V50,
 * and the narrower {@code incident_place_month_rollup}, V51 and V52): their SQL, and the JDBC operations
 * that keep them equal to a GROUP BY over incidents. Every operation runs on the caller's
 * connection, inside the transaction that wrote the incidents.
 *
 * <p>A write recomputes the months it touched (of the old and the new values of an updated row)
 * from the incidents, rather than adding and subtracting deltas: the GROUP BY is exact whatever
 * the mix of inserts, updates and deletes, and NULL places, types and actors need no upsert on a
 * key with NULLs. Concurrent writers are serialized on the data_version row first, so that each
 * recomputation sees every write committed before it (READ COMMITTED on both databases). The
 * narrower rollups are then summed from the full one, which is already grouped: every sum column
 * is additive, and the full one's key has the date precision that a narrower one counts by.
 */
public final class Rollup {

    /** The full rollup's grouping columns, in table order. */
    static final String KEY = "dataset, province_code, district_code, division_code, category, event_type, actor,"
            + " period_year, period_quarter, period_month, date_precision";

    /** The sum columns every rollup has, in table order ({@link RollupTable#sumColumns()}: a rollup's own). */
    public static final String SUM_COLUMNS = "incidents, killed, killed_unknown, injured, injured_unknown,"
            + " casualties_unknown, killed_civilians, killed_civilians_unknown, killed_security_forces,"
            + " killed_security_forces_unknown, killed_militants, killed_militants_unknown";

    /** {@link #SUM_COLUMNS} computed from a group of incidents, in the same order. */
    static final String SUMS = "COUNT(*),"
            + " COALESCE(SUM(killed), 0), COUNT(*) - COUNT(killed),"
            + " COALESCE(SUM(injured), 0), COUNT(*) - COUNT(injured),"
            + " SUM(CASE WHEN killed IS NULL AND injured IS NULL THEN 1 ELSE 0 END),"
            + " COALESCE(SUM(killed_civilians), 0), COUNT(*) - COUNT(killed_civilians),"
            + " COALESCE(SUM(killed_security_forces), 0), COUNT(*) - COUNT(killed_security_forces),"
            + " COALESCE(SUM(killed_militants), 0), COUNT(*) - COUNT(killed_militants)";

    private static final String SLICE = " WHERE dataset = ? AND event_date >= ? AND event_date < ?";

    private static final String MONTHS = " WHERE dataset = ? AND period_month >= ? AND period_month <= ?";

    private static final String LOCK = "SELECT version FROM data_version WHERE id = 1 FOR UPDATE";

    private Rollup() {}

    /**
     * Recomputes the rollups of one dataset's months {@code from} to {@code to}, both included.
     * The range may cover months without incidents; their rows simply disappear.
     */
    public static void refresh(Connection c, String dataset, YearMonth from, YearMonth to) throws SQLException {
        lock(c);
        for (RollupTable t : RollupTable.values()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + t.table() + MONTHS)) {
                bindMonths(delete, dataset, from, to);
                delete.executeUpdate();
            }
        }
        // the date range (the months' days) lets both databases use the (dataset, event_date) index
        try (PreparedStatement insert = c.prepareStatement(insertGrouped() + SLICE + " GROUP BY " + KEY)) {
            insert.setString(1, dataset);
            insert.setDate(2, Date.valueOf(from.atDay(1)));
            insert.setDate(3, Date.valueOf(to.plusMonths(1).atDay(1)));
            insert.executeUpdate();
        }
        for (RollupTable t : narrower()) {
            try (PreparedStatement insert = c.prepareStatement(insertResummed(t, MONTHS))) {
                bindMonths(insert, dataset, from, to);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (OUT_OF_RANGE.contains(e.getSQLState())) {
                    throw tooLarge(dataset, from + " to " + to);
                }
                throw e;
            }
        }
    }

    /**
     * The SQL states of a sum past a rollup column's INTEGER type: "numeric value out of range"
     * (PostgreSQL), and H2's variant that names the column.
     */
    private static final Set<String> OUT_OF_RANGE = Set.of("22003", "22004");

    /**
     * The refusal of a write that would make a sum of the places rollup (INTEGER) pass
     * 2,147,483,647 for one place's month: no real count of incidents or casualties, so a figure
     * of the data is wrong (the write rolls back).
     */
    static ProblemException tooLarge(String dataset, String where) {
        String message = "the incidents of one place and month of dataset '" + dataset + "' (" + where
                + ") would sum past " + String.format(Locale.ROOT, "%,d", Integer.MAX_VALUE)
                + " killed, injured or incidents: no real count; check the casualty figures";
        return new ProblemException(
                422, "Figures out of range", message, List.of(ProblemError.field("dataset", dataset, message)));
    }

    /** Recomputes every rollup; returns the number of rows of the full one. */
    public static long rebuild(Connection c) throws SQLException {
        lock(c);
        try (Statement s = c.createStatement()) {
            for (RollupTable t : RollupTable.values()) {
                s.executeUpdate("DELETE FROM " + t.table());
            }
            long rows = s.executeUpdate(insertGrouped() + " GROUP BY " + KEY);
            for (RollupTable t : narrower()) {
                s.executeUpdate(insertResummed(t, ""));
            }
            return rows;
        }
    }

    /**
     * Compares every rollup with a GROUP BY over incidents on its key: the rows in one and not the
     * other (EXCEPT compares NULLs as equal), and the row counts, which catch a group stored
     * twice.
     */
    public static Consistency check(Connection c) throws SQLException {
        Consistency.Table full = check(c, RollupTable.FULL);
        Consistency.Table places = check(c, RollupTable.PLACE);
        return new Consistency(full.consistent() && places.consistent(), full.rows(), full.incidents(), places);
    }

    private static Consistency.Table check(Connection c, RollupTable t) throws SQLException {
        String stored = "SELECT " + t.key() + ", " + t.sumColumns() + " FROM " + t.table();
        String grouped = "SELECT " + t.key() + ", " + t.sumsOverIncidents() + " FROM incident GROUP BY " + t.key();
        long onlyInRollup = count(c, "(" + stored + " EXCEPT " + grouped + ")");
        long onlyInIncidents = count(c, "(" + grouped + " EXCEPT " + stored + ")");
        long rollupRows = count(c, t.table());
        long groups = count(c, "(" + grouped + ")");
        long rollupIncidents = single(c, "SELECT COALESCE(SUM(incidents), 0) FROM " + t.table());
        long incidents = single(c, "SELECT COUNT(*) FROM incident");
        return new Consistency.Table(
                onlyInRollup == 0 && onlyInIncidents == 0 && rollupRows == groups,
                new Consistency.Rows(rollupRows, groups, onlyInRollup, onlyInIncidents),
                new Consistency.Incidents(rollupIncidents, incidents));
    }

    private static String insertGrouped() {
        return "INSERT INTO " + RollupTable.FULL.table() + " (" + KEY + ", " + SUM_COLUMNS + ") SELECT " + KEY + ", "
                + SUMS + " FROM incident";
    }

    /** The rows of a narrower rollup summed from the full one, under {@code where}. */
    private static String insertResummed(RollupTable t, String where) {
        return "INSERT INTO " + t.table() + " (" + t.key() + ", " + t.sumColumns() + ") SELECT " + t.key() + ", "
                + t.sumsOverFullRollup() + " FROM " + RollupTable.FULL.table() + where + " GROUP BY " + t.key();
    }

    private static List<RollupTable> narrower() {
        return Arrays.stream(RollupTable.values())
                .filter(t -> t != RollupTable.FULL)
                .toList();
    }

    private static void bindMonths(PreparedStatement p, String dataset, YearMonth from, YearMonth to)
            throws SQLException {
        p.setString(1, dataset);
        p.setString(2, from.toString());
        p.setString(3, to.toString());
    }

    static void lock(Connection c) throws SQLException {
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
