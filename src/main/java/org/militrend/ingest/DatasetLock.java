package org.militrend.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Imports into one dataset run one after another: the second waits for the first to commit. Two
 * at once used to race on the dataset's first registration and on the same keys (a 500, and one
 * import's rows lost). Within the process a fair lock per dataset (striped, so the set of locks is
 * bounded) orders them; on PostgreSQL a transaction-scoped advisory lock on the dataset does the
 * same between instances sharing the database, and tells a starting instance whether an import
 * it finds 'running' is still alive elsewhere.
 */
final class DatasetLock {

    private static final int STRIPES = 64;
    private static final ReentrantLock[] LOCKS = new ReentrantLock[STRIPES];
    /** The advisory lock's first key: "MT", so the service's locks never meet another program's. */
    private static final int NAMESPACE = 0x4D54;

    static {
        for (int i = 0; i < STRIPES; i++) {
            LOCKS[i] = new ReentrantLock(true);
        }
    }

    private final ReentrantLock lock;

    private DatasetLock(ReentrantLock lock) {
        this.lock = lock;
    }

    static DatasetLock of(String dataset) {
        return new DatasetLock(LOCKS[Math.floorMod(key(dataset), STRIPES)]);
    }

    void acquire() {
        lock.lock();
    }

    void release() {
        lock.unlock();
    }

    /** On PostgreSQL, waits for the dataset's advisory lock, held until the transaction ends. */
    static void holdInDatabase(Connection c, String dataset) throws SQLException {
        if (isPostgres(c)) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                s.setInt(1, NAMESPACE);
                s.setInt(2, key(dataset));
                s.execute();
            }
        }
    }

    /**
     * Whether no transaction anywhere holds the dataset's lock (always true on H2, whose file one
     * process owns). The probe's own lock ends with the caller's transaction.
     */
    static boolean idle(Connection c, String dataset) throws SQLException {
        if (!isPostgres(c)) {
            return true;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            s.setInt(1, NAMESPACE);
            s.setInt(2, key(dataset));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static int key(String dataset) {
        return dataset.toLowerCase(Locale.ROOT).hashCode();
    }
}
