package org.militrend.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * At start, imports the history shows 'running' but nobody runs any more (the process died, by
 * kill -9 or a power cut) become 'interrupted', with what the database actually holds of them:
 * their data went in one transaction, so that is all of their rows (the commit happened before
 * the death) or none. Uploads a previous run left in the spool folder are deleted. Runs before
 * anything else imports.
 */
@ApplicationScoped
class ImportRecovery {

    private static final Logger LOG = Logger.getLogger(ImportRecovery.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportService imports;

    void onStart(@Observes @Priority(10) StartupEvent event) throws IOException {
        int swept = sweepSpool();
        if (swept > 0) {
            LOG.warnf("removed %d upload(s) left in the spool folder by the previous run", swept);
        }
        int marked = QuarkusTransaction.requiringNew().call(this::markInterrupted);
        if (marked > 0) {
            LOG.warnf("%d import(s) were running when the service stopped; marked interrupted", marked);
        }
    }

    /** Deletes what a previous run left in the spool folder (nothing runs yet); the number deleted. */
    int sweepSpool() throws IOException {
        Path folder = imports.spoolFolder();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Marks every orphaned running import; the number marked. */
    int markInterrupted() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<long[]> orphans = new ArrayList<>();
            try (PreparedStatement find =
                            c.prepareStatement("SELECT id, dataset FROM import_batch WHERE status = 'running'");
                    ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    // on PostgreSQL another instance may be running it right now: its lock says so
                    if (DatasetLock.idle(c, rs.getString(2))) {
                        orphans.add(new long[] {rs.getLong(1)});
                    }
                }
            }
            for (long[] orphan : orphans) {
                mark(c, orphan[0]);
            }
            return orphans.size();
        }
    }

    private static void mark(Connection c, long importId) throws SQLException {
        long held;
        try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM incident WHERE import_id = ?")) {
            count.setLong(1, importId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                held = rs.getLong(1);
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE import_batch SET status = 'interrupted',"
                + " finished_at = ?, inserted = ?, updated = 0, unchanged = 0 WHERE id = ? AND status = 'running'")) {
            update.setObject(1, OffsetDateTime.now());
            update.setLong(2, held);
            update.setLong(3, importId);
            update.executeUpdate();
        }
        String message = held == 0
                ? "the service stopped during this import; its transaction was rolled back: none of its rows"
                        + " are stored"
                : "the service stopped after this import's data was committed: the database holds its " + held
                        + " written rows (the report's other counts were not recorded)";
        try (PreparedStatement note =
                c.prepareStatement("INSERT INTO import_message (import_id, kind, message) VALUES (?, 'error', ?)")) {
            note.setLong(1, importId);
            note.setString(2, message);
            note.executeUpdate();
        }
    }
}
