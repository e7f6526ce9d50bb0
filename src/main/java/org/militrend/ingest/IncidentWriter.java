package org.militrend.ingest;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.militrend.common.CopyText;
import org.militrend.incident.Casualties;
import org.militrend.incident.IncidentColumn;
import org.militrend.incident.IncidentValues;
import org.militrend.incident.Periods;
import org.militrend.rollup.NewRowsRollup;
import org.militrend.rollup.TouchedMonths;
import org.postgresql.PGConnection;

/**
 * Writes an import's rows in chunks, inside the import's one transaction: per chunk one look-up
 * of the existing keys, then the new rows (a JDBC batch of inserts on H2, a COPY on PostgreSQL)
 * and a batch of updates. Rows whose hash is unchanged are not touched, which makes a re-import a
 * no-op. The months written are recomputed in the monthly rollup before the import commits.
 *
 * <p>Into a dataset that held no rows when the import started only a key this import already
 * wrote can exist, so only those are looked up. On PostgreSQL the new rows stream through one
 * COPY fed from a thread of its own ({@link CopyPipe}) while the import's thread reads on; the
 * stream is finished before any other statement on the connection.
 */
final class IncidentWriter implements AutoCloseable {

    /**
     * A row ready to write, with the line it came from and the division its place resolved to
     * (derived from the place, so outside the hash).
     */
    record Pending(long line, IncidentValues values, String hash, String divisionCode) {}

    /** What a flush did to the rows it was given. */
    record Outcome(int inserted, int updated, int unchanged, List<ImportMessage> warnings) {}

    /**
     * The columns {@link #bind} sets, in its order: the incident's stored columns, then those the
     * writer derives (the periods of the date, the hash, the import).
     */
    private static final List<String> BOUND = Stream.concat(
                    IncidentColumn.STORED.stream().map(c -> c.sql().column()),
                    Stream.of(
                            "period_year",
                            "period_quarter",
                            "period_month",
                            "period_week",
                            "row_hash",
                            "import_id",
                            "division_code"))
            .toList();

    private static final String INSERT = "INSERT INTO incident (" + String.join(", ", BOUND)
            + ", created_at, updated_at, version) VALUES (" + "?, ".repeat(BOUND.size() + 2) + "0)";

    /** The same columns as {@link #INSERT} in PostgreSQL's COPY text format (version defaults to 0). */
    private static final String COPY =
            "COPY incident (" + String.join(", ", BOUND) + ", created_at, updated_at) FROM STDIN";

    private static final String UPDATE = "UPDATE incident SET "
            + String.join(", ", BOUND.stream().map(c -> c + " = ?").toList())
            + ", updated_at = ?, version = version + 1 WHERE dataset = ? AND external_id = ?";

    private static final String QUARANTINE =
            "INSERT INTO quarantined_row (import_id, line_number, raw_line, reason) VALUES (?, ?, ?, ?)";

    private final Connection connection;
    private final long importId;
    private final int chunkSize;
    /** In microseconds, as both databases store it, so that COPY and binding store the same instant. */
    private final OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);

    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement quarantine;
    private final Map<Integer, PreparedStatement> lookups = new HashMap<>();
    private int quarantined;
    private final boolean postgres;
    private final boolean revisions;
    /** Rows looked up so far, and the count at which the table is analyzed next (PostgreSQL). */
    private long lookedUp;

    private long analyzeAt = 10_000;

    /** PostgreSQL's COPY of the new rows, when they go through it. */
    private final CopyPipe copy;

    /** The rows of the current chunk in COPY's text format; reused from chunk to chunk. */
    private final CopyText copied = new CopyText(1 << 20);

    /** {@link #now} as COPY reads it, encoded once. */
    private final byte[] nowText = CopyText.plain(now.toString());

    /** The dataset whose emptiness was checked, whether it was empty, and the keys written to it. */
    private String checkedDataset;

    private boolean startedEmpty;
    private WrittenKeys written;

    private final TouchedMonths touched = new TouchedMonths();

    /**
     * The rollups of the rows inserted into a dataset that started empty, while that is all the
     * import did; null otherwise (the rollups are then recomputed from the touched months).
     */
    private NewRowsRollup newRows;

    /** Beyond this many groups the sums are dropped: ~200 bytes a group. */
    private static final int MAX_ROLLUP_GROUPS = 1_000_000;

    IncidentWriter(Connection connection, long importId, int chunkSize) throws SQLException {
        this(connection, importId, chunkSize, false);
    }

    /**
     * @param revisions whether a row's {@code source_release} is a revision number (ACLED's
     *     {@code timestamp}): a row older than the stored one is then left as it is
     */
    IncidentWriter(Connection connection, long importId, int chunkSize, boolean revisions) throws SQLException {
        this.revisions = revisions;
        this.connection = connection;
        this.importId = importId;
        this.chunkSize = chunkSize;
        this.insert = connection.prepareStatement(INSERT);
        this.update = connection.prepareStatement(UPDATE);
        this.quarantine = connection.prepareStatement(QUARANTINE);
        this.postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        this.copy = postgres
                ? new CopyPipe(connection.unwrap(PGConnection.class).getCopyAPI(), COPY, "import-" + importId + "-copy")
                : null;
    }

    int chunkSize() {
        return chunkSize;
    }

    /** Writes one chunk of rows of one dataset. Within a chunk a later row with the same key wins. */
    Outcome flush(String dataset, List<Pending> chunk) throws SQLException {
        List<ImportMessage> warnings = new ArrayList<>();
        Map<String, Pending> byKey = new LinkedHashMap<>();
        for (Pending p : chunk) {
            Pending earlier = byKey.put(p.values().externalId(), p);
            if (earlier != null) {
                warnings.add(duplicate(p, earlier.line()));
            }
        }
        List<String> suspects = mayExist(dataset, byKey.keySet());
        Map<String, Existing> existing = suspects.isEmpty() ? Map.of() : lookup(dataset, suspects);
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        copied.clear();
        for (Pending p : byKey.values()) {
            Existing e = existing.get(p.values().externalId());
            if (e == null) {
                if (copy != null) {
                    copyLine(copied, p);
                } else {
                    int next = bind(insert, p, 1);
                    insert.setObject(next - 2, now);
                    insert.setObject(next - 1, now);
                    insert.addBatch();
                }
                touched.add(dataset, p.values().when().date());
                if (newRows != null) {
                    newRows.add(group(p), counts(p.values().casualties()));
                }
                inserted++;
            } else if (!e.hash().equals(p.hash()) && older(p.values().detail().sourceRelease(), e.release())) {
                unchanged++;
                warnings.add(new ImportMessage(
                        p.line(),
                        "timestamp",
                        p.values().detail().sourceRelease(),
                        "an older revision than the stored row's (" + e.release() + "); the stored row is kept"));
            } else if (!e.hash().equals(p.hash()) || !Objects.equals(e.divisionCode(), p.divisionCode())) {
                // A changed row, or one whose place now resolves to another division (a re-import
                // after the gazetteer gained divisions).
                int next = bind(update, p, 1);
                update.setObject(next - 2, now);
                update.setString(next - 1, dataset);
                update.setString(next, p.values().externalId());
                update.addBatch();
                touched.add(dataset, e.month());
                touched.add(dataset, p.values().when().date());
                // the sums no longer describe the rows: the rollups are recomputed
                abandonNewRows();
                updated++;
                if (e.importId() != null && e.importId() == importId) {
                    warnings.add(duplicate(p, null));
                }
            } else {
                unchanged++;
                if (e.importId() != null && e.importId() == importId) {
                    warnings.add(duplicate(p, null));
                }
            }
        }
        if (inserted > 0 && copy != null) {
            copy.send(copied.toBytes());
        } else if (inserted > 0) {
            insert.executeBatch();
        }
        if (updated > 0) {
            connectionNeeded();
            update.executeBatch();
        }
        return new Outcome(inserted, updated, unchanged, warnings);
    }

    /** Keeps a rejected row with its reason (onError=skip). Written in the next quarantine flush. */
    void quarantine(long line, String raw, String reason) throws SQLException {
        quarantine.setLong(1, importId);
        quarantine.setLong(2, line);
        quarantine.setString(3, raw.length() > 10_000 ? raw.substring(0, 10_000) : raw);
        quarantine.setString(4, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
        quarantine.addBatch();
        if (++quarantined % chunkSize == 0) {
            connectionNeeded();
            quarantine.executeBatch();
        }
    }

    void finishQuarantine() throws SQLException {
        if (quarantined % chunkSize != 0) {
            connectionNeeded();
            quarantine.executeBatch();
        }
    }

    /**
     * Brings the rollups up to date with the rows this import wrote; before the import commits.
     * The sums of the rows inserted into a dataset that started empty are written as they are
     * when that still holds; otherwise the months written are recomputed from the incidents.
     */
    void refreshRollup() throws SQLException {
        connectionNeeded();
        if (newRows != null && newRows.write(connection)) {
            return;
        }
        touched.refresh(connection);
    }

    private void abandonNewRows() {
        if (newRows != null) {
            newRows.abandon();
            newRows = null;
        }
    }

    private static NewRowsRollup.Group group(Pending p) {
        IncidentValues v = p.values();
        LocalDate date = v.when().date();
        return new NewRowsRollup.Group(
                new NewRowsRollup.Place(v.place().provinceCode(), v.place().districtCode(), p.divisionCode()),
                v.detail().category().key(),
                v.event().eventType(),
                v.event().actor(),
                date.getYear(),
                date.getMonthValue(),
                v.when().precision().key());
    }

    private static NewRowsRollup.Counts counts(Casualties c) {
        return new NewRowsRollup.Counts(
                c.killed(), c.injured(), c.killedCivilians(), c.killedSecurityForces(), c.killedMilitants());
    }

    /**
     * Waits until every row handed to the writer is in the database, and rethrows the failure of
     * the COPY stream if it failed: before anything else uses the connection, and before commit.
     */
    void finishWrites() throws SQLException {
        connectionNeeded();
    }

    private void connectionNeeded() throws SQLException {
        if (copy != null) {
            copy.finish();
        }
    }

    /**
     * The keys of a chunk that may already be stored: all of them, unless the dataset held no
     * rows when the import started; then only those this import has written before.
     */
    private List<String> mayExist(String dataset, Collection<String> keys) throws SQLException {
        if (!dataset.equals(checkedDataset)) {
            connectionNeeded();
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT 1 FROM incident WHERE dataset = ? LIMIT 1")) {
                s.setString(1, dataset);
                try (ResultSet rs = s.executeQuery()) {
                    startedEmpty = !rs.next();
                }
            }
            // sums kept for one dataset only: a second one's rows go through the recomputation
            boolean first = checkedDataset == null;
            abandonNewRows();
            if (first && startedEmpty) {
                newRows = new NewRowsRollup(dataset, MAX_ROLLUP_GROUPS);
            }
            checkedDataset = dataset;
            written = new WrittenKeys();
        }
        if (!startedEmpty) {
            return new ArrayList<>(keys);
        }
        List<String> suspects = new ArrayList<>();
        for (String key : keys) {
            if (written.addAndCheck(key)) {
                suspects.add(key);
            }
        }
        if (!suspects.isEmpty()) {
            // the earlier rows must be in the database before they can be found there
            connectionNeeded();
        }
        return suspects;
    }

    private record Existing(String hash, Long importId, String release, String divisionCode, String month) {}

    /** Whether, with revision numbers, the incoming revision is older than the stored one. */
    private boolean older(String incoming, String stored) {
        if (!revisions || incoming == null || stored == null) {
            return false;
        }
        try {
            return Long.parseLong(incoming) < Long.parseLong(stored);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Map<String, Existing> lookup(String dataset, List<String> keys) throws SQLException {
        connectionNeeded();
        lookedUp += keys.size();
        if (postgres && lookedUp >= analyzeAt) {
            // Without statistics (a new table, or rows not yet analyzed: autovacuum cannot see
            // this uncommitted transaction) PostgreSQL guesses "dataset = ?" matches ~0.5% of the
            // rows and plans the look-up on ix_incident_dataset, filtering the 1000 keys over
            // every row of the dataset: each chunk then costs O(table), the import O(n^2). ANALYZE
            // counts the rows this transaction inserted, so afterwards the planner probes
            // uq_incident_key; redone whenever the rows looked up have doubled (~7 times per
            // million rows, ~0.1-0.3 s each). Also invalidates the plans cached so far.
            // ANALYZE holds its lock until the import commits: a concurrent import (or vacuum)
            // holding it makes this one skip the ANALYZE after 2 s rather than wait for it.
            try (Statement s = connection.createStatement()) {
                s.execute("SAVEPOINT militrend_analyze");
                try {
                    s.execute("SET LOCAL lock_timeout = '2s'");
                    s.execute("ANALYZE incident");
                    s.execute("SET LOCAL lock_timeout = DEFAULT");
                    s.execute("RELEASE SAVEPOINT militrend_analyze");
                } catch (SQLException e) {
                    s.execute("ROLLBACK TO SAVEPOINT militrend_analyze");
                }
            }
            analyzeAt = 2 * lookedUp;
        }
        Map<String, Existing> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += chunkSize) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + chunkSize));
            PreparedStatement select = lookups.computeIfAbsent(part.size(), this::prepareLookup);
            select.setString(1, dataset);
            for (int i = 0; i < part.size(); i++) {
                select.setString(i + 2, part.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long imp = rs.getLong(3);
                    Long importedBy = rs.wasNull() ? null : imp;
                    found.put(
                            rs.getString(1),
                            new Existing(
                                    rs.getString(2), importedBy, rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return found;
    }

    private PreparedStatement prepareLookup(int size) {
        String sql =
                "SELECT external_id, row_hash, import_id, source_release, division_code, period_month FROM incident WHERE dataset = ? AND"
                        + " external_id IN ("
                        + "?,".repeat(size - 1) + "?)";
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binds the stored values from {@code index}; returns the index after the last one bound + 3. */
    private int bind(PreparedStatement s, Pending p, int index) throws SQLException {
        IncidentValues v = p.values();
        int i = index;
        for (IncidentColumn c : IncidentColumn.STORED) {
            Object value = c.stored(v);
            switch (c.sql().kind()) {
                case TEXT -> s.setString(i++, (String) value);
                case COUNT -> setInt(s, i++, (Integer) value);
                case DECIMAL -> setDouble(s, i++, (Double) value);
                case DATE -> s.setDate(i++, Date.valueOf((LocalDate) value));
            }
        }
        for (Object derived : derived(p)) {
            s.setObject(i++, derived);
        }
        return i + 2;
    }

    /** The values of the columns the writer derives, in {@link #BOUND}'s order. */
    private Object[] derived(Pending p) {
        LocalDate date = p.values().when().date();
        return new Object[] {
            date.getYear(),
            Periods.quarter(date),
            Periods.month(date),
            Periods.week(date),
            p.hash(),
            importId,
            p.divisionCode()
        };
    }

    /**
     * Appends the row as {@link #COPY} reads it: the same values as {@link #bind}, in the same
     * order; text escaped, numbers, dates and instants in forms PostgreSQL reads back exactly (a
     * double's shortest round-trip digits, ISO-8601).
     */
    private void copyLine(CopyText out, Pending p) {
        IncidentValues v = p.values();
        for (IncidentColumn c : IncidentColumn.STORED) {
            Object value = c.stored(v);
            switch (c.sql().kind()) {
                case TEXT -> out.text((String) value);
                case COUNT -> out.number((Integer) value);
                case DECIMAL -> out.decimal((Double) value);
                case DATE -> out.date((LocalDate) value);
            }
        }
        // the derived columns, in derived()'s order
        LocalDate date = v.when().date();
        out.number(date.getYear());
        out.text(Periods.quarter(date));
        out.text(Periods.month(date));
        out.text(Periods.week(date));
        out.text(p.hash());
        out.number(importId);
        out.text(p.divisionCode());
        out.encoded(nowText);
        out.encoded(nowText);
        out.endRow();
    }

    private static ImportMessage duplicate(Pending p, Long earlierLine) {
        return new ImportMessage(
                p.line(),
                "external_id",
                p.values().externalId(),
                "the key appears more than once in this file"
                        + (earlierLine == null ? "" : " (also on line " + earlierLine + ")")
                        + "; the last row wins");
    }

    private static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, v);
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }

    @Override
    public void close() throws SQLException {
        if (copy != null) {
            // still open only when the import failed: its rows must not be committed
            copy.abort();
        }
        insert.close();
        update.close();
        quarantine.close();
        for (PreparedStatement s : lookups.values()) {
            s.close();
        }
    }
}
