package org.militrend.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.militrend.common.CopyText;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.Periods;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The rollups of the rows an import inserts into a dataset that held no rows when it started,
 * summed in memory as the rows are written. Such a dataset has no rollup rows, so when the import
 * only inserted, its rollups are exactly these sums: written with one COPY (PostgreSQL) or batch
 * (H2) at the end, instead of a GROUP BY over the million rows just written, which ran after the
 * rows and before the commit with nothing to overlap it.
 *
 * <p>Only when that reasoning holds: the writer {@link #abandon() abandons} these sums when it
 * updates a row or writes another dataset, and they are dropped beyond {@code maxGroups} groups
 * (memory stays bounded); at the end they are written only if, under the rollup's lock, the
 * dataset still has no rollup rows (every writer keeps the rollups in its transaction, so another
 * writer's committed row into the dataset would have left some). Otherwise the caller recomputes
 * the months from the incidents as any write does ({@link TouchedMonths}).
 */
public final class NewRowsRollup {

    /** A row's place (shared by the groups that have it). */
    public record Place(String provinceCode, String districtCode, String divisionCode) {}

    /**
     * A group of the full rollup ({@link Rollup#KEY}; the period year and quarter follow from
     * the month).
     */
    public record Group(
            Place place, String category, String eventType, String actor, int year, int month, String datePrecision) {}

    /** A group of the places-and-months rollup. */
    private record PlaceMonth(Place place, int year, int month) {}

    /** The people counts of a row, null when unknown. */
    public record Counts(
            Integer killed,
            Integer injured,
            Integer killedCivilians,
            Integer killedSecurityForces,
            Integer killedMilitants) {}

    private static final int FULL_SUMS = RollupTable.FULL.sumCount();

    /** Rows per COPY message or JDBC batch. */
    private static final int ROWS_PER_WRITE = 2000;

    private final String dataset;
    private final int maxGroups;
    /** The sums of each group in {@link Rollup#SUM_COLUMNS} order. */
    private Map<Group, long[]> groups = new HashMap<>();
    /** One instance of each place and text, so that groups share them. */
    private final Map<Object, Object> shared = new HashMap<>();
    /** The quarter and month keys of each month written. */
    private final Map<Integer, String[]> periodKeys = new HashMap<>();

    public NewRowsRollup(String dataset, int maxGroups) {
        this.dataset = dataset;
        this.maxGroups = maxGroups;
    }

    /** Whether the sums still describe every row written (not abandoned). */
    public boolean usable() {
        return groups != null;
    }

    /** Drops the sums: the rollups will be recomputed from the incidents. */
    public void abandon() {
        groups = null;
        shared.clear();
    }

    /** Counts an inserted row in its group. */
    public void add(Group group, Counts counts) {
        if (groups == null) {
            return;
        }
        long[] sums = groups.get(group);
        if (sums == null) {
            if (groups.size() >= maxGroups) {
                abandon();
                return;
            }
            sums = new long[FULL_SUMS];
            groups.put(shared(group), sums);
        }
        Integer killed = counts.killed();
        Integer injured = counts.injured();
        sums[0]++;
        addCount(sums, 1, killed);
        addCount(sums, 3, injured);
        if (killed == null && injured == null) {
            sums[5]++;
        }
        addCount(sums, 6, counts.killedCivilians());
        addCount(sums, 8, counts.killedSecurityForces());
        addCount(sums, 10, counts.killedMilitants());
    }

    /** Adds a count to its sum, or counts it as unknown in the next column. */
    private static void addCount(long[] sums, int at, Integer count) {
        if (count == null) {
            sums[at + 1]++;
        } else {
            sums[at] += count;
        }
    }

    private Group shared(Group g) {
        Place place = (Place) shared.computeIfAbsent(g.place(), p -> p);
        return new Group(
                place,
                sharedText(g.category()),
                sharedText(g.eventType()),
                sharedText(g.actor()),
                g.year(),
                g.month(),
                sharedText(g.datePrecision()));
    }

    private String sharedText(String s) {
        return s == null ? null : (String) shared.computeIfAbsent(s, x -> x);
    }

    /**
     * Writes the rollups of the rows, if they are still {@link #usable()} and the dataset has no
     * rollup rows; inside the import's transaction, after every incident is written.
     *
     * @return whether they were written (otherwise nothing was, and the caller recomputes)
     */
    public boolean write(Connection c) throws SQLException {
        if (groups == null) {
            return false;
        }
        Rollup.lock(c);
        for (RollupTable t : RollupTable.values()) {
            if (hasRows(c, t)) {
                return false;
            }
        }
        int placeSums = RollupTable.PLACE.sumCount();
        String year = DatePrecision.YEAR.key();
        Map<PlaceMonth, long[]> places = new HashMap<>();
        for (Map.Entry<Group, long[]> e : groups.entrySet()) {
            Group g = e.getKey();
            long[] into =
                    places.computeIfAbsent(new PlaceMonth(g.place(), g.year(), g.month()), k -> new long[placeSums]);
            long[] sums = e.getValue();
            for (int i = 0; i < sums.length; i++) {
                into[i] += sums[i];
            }
            if (year.equals(g.datePrecision())) {
                into[sums.length] += sums[0]; // year_dated, after the shared sums
            }
        }
        for (Map.Entry<PlaceMonth, long[]> e : places.entrySet()) {
            for (long sum : e.getValue()) {
                if (sum > Integer.MAX_VALUE) {
                    PlaceMonth p = e.getKey();
                    String place = p.place().districtCode() != null
                            ? p.place().districtCode()
                            : Objects.toString(p.place().provinceCode(), "no place");
                    throw Rollup.tooLarge(dataset, place + ", " + YearMonth.of(p.year(), p.month()));
                }
            }
        }
        boolean postgres = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        try (RowSink sink = postgres ? new CopySink(c, RollupTable.FULL) : new BatchSink(c, RollupTable.FULL)) {
            for (Map.Entry<Group, long[]> e : groups.entrySet()) {
                Group g = e.getKey();
                place(sink, g.place());
                sink.text(g.category());
                sink.text(g.eventType());
                sink.text(g.actor());
                period(sink, g.year(), g.month());
                sink.text(g.datePrecision());
                sink.row(e.getValue());
            }
            sink.finish();
        }
        try (RowSink sink = postgres ? new CopySink(c, RollupTable.PLACE) : new BatchSink(c, RollupTable.PLACE)) {
            for (Map.Entry<PlaceMonth, long[]> e : places.entrySet()) {
                PlaceMonth p = e.getKey();
                place(sink, p.place());
                period(sink, p.year(), p.month());
                sink.row(e.getValue());
            }
            sink.finish();
        }
        groups = null;
        return true;
    }

    private boolean hasRows(Connection c, RollupTable t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + t.table() + " WHERE dataset = ?")) {
            s.setMaxRows(1);
            s.setString(1, dataset);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void place(RowSink sink, Place p) throws SQLException {
        sink.text(dataset);
        sink.text(p.provinceCode());
        sink.text(p.districtCode());
        sink.text(p.divisionCode());
    }

    /** period_year, period_quarter and period_month. */
    private void period(RowSink sink, int year, int month) throws SQLException {
        String[] keys = periodKeys.computeIfAbsent(year * 12 + month - 1, k -> {
            LocalDate first = LocalDate.of(year, month, 1);
            return new String[] {Periods.quarter(first), Periods.month(first)};
        });
        sink.number(year);
        sink.text(keys[0]);
        sink.text(keys[1]);
    }

    /** Where rollup rows go: a table's key columns in order, then its sums. */
    private abstract static class RowSink implements AutoCloseable {
        final String columns;

        RowSink(RollupTable table) {
            this.columns = table.table() + " (" + table.key() + ", " + table.sumColumns() + ")";
        }

        abstract void text(String value) throws SQLException;

        abstract void number(long value) throws SQLException;

        /** Ends a row with its sums. */
        abstract void row(long[] sums) throws SQLException;

        /** Writes what is still buffered; without it, {@link #close()} discards the rows. */
        abstract void finish() throws SQLException;

        @Override
        public abstract void close() throws SQLException;
    }

    /** PostgreSQL: one COPY per table, sent in messages of {@link #ROWS_PER_WRITE} rows. */
    private static final class CopySink extends RowSink {
        private final CopyIn in;
        private final CopyText text = new CopyText(1 << 20);
        private int rows;

        CopySink(Connection c, RollupTable table) throws SQLException {
            super(table);
            in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + columns + " FROM STDIN");
        }

        @Override
        void text(String value) {
            text.text(value);
        }

        @Override
        void number(long value) {
            text.number(value);
        }

        @Override
        void row(long[] sums) throws SQLException {
            for (long s : sums) {
                text.number(s);
            }
            text.endRow();
            if (++rows % ROWS_PER_WRITE == 0) {
                send();
            }
        }

        private void send() throws SQLException {
            if (!text.isEmpty()) {
                byte[] b = text.toBytes();
                in.writeToCopy(b, 0, b.length);
                text.clear();
            }
        }

        @Override
        void finish() throws SQLException {
            send();
            in.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** H2: a JDBC batch of inserts per {@link #ROWS_PER_WRITE} rows. */
    private static final class BatchSink extends RowSink {
        private final PreparedStatement insert;
        private int column = 1;
        private int rows;

        BatchSink(Connection c, RollupTable table) throws SQLException {
            super(table);
            int width = table.key().split(",").length + table.sumCount();
            insert = c.prepareStatement("INSERT INTO " + columns + " VALUES (" + "?, ".repeat(width - 1) + "?)");
        }

        @Override
        void text(String value) throws SQLException {
            insert.setString(column++, value);
        }

        @Override
        void number(long value) throws SQLException {
            insert.setLong(column++, value);
        }

        @Override
        void row(long[] sums) throws SQLException {
            for (long s : sums) {
                insert.setLong(column++, s);
            }
            insert.addBatch();
            column = 1;
            if (++rows % ROWS_PER_WRITE == 0) {
                insert.executeBatch();
            }
        }

        @Override
        void finish() throws SQLException {
            if (rows % ROWS_PER_WRITE != 0) {
                insert.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
