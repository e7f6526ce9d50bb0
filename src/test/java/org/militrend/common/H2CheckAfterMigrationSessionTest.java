package org.militrend.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The service's migrations on H2, then writes from a connection other than the one that ran them,
 * after that one has closed: what happens when the pool closes the connection Flyway used on a
 * database created by the running service. H2 2.4.240 answered every such insert into a table
 * with a {@code CHECK (col IN (...))} "Check constraint invalid" (error 23514), because the
 * constraint kept the comparator of the closed session (h2database issues 4302 and 4308), so every
 * import failed until a restart. The H2 version in the pom must keep this passing.
 */
@Tag("no-db")
class H2CheckAfterMigrationSessionTest {

    private static final String URL = "jdbc:h2:mem:check-after-migration;DB_CLOSE_DELAY=-1";

    private static final String INSERT = "INSERT INTO import_batch (format, dataset, dry_run, on_error, status,"
            + " started_at) VALUES ('native', 'check-test', FALSE, ?, 'running', CURRENT_TIMESTAMP)";

    @Test
    void checkConstraintsHoldAfterTheMigratingSessionHasClosed() throws SQLException {
        // keeps the in-memory database open, as the pool's other connections do
        try (Connection holder = DriverManager.getConnection(URL)) {
            Flyway.configure()
                    .dataSource(URL, "", "")
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load()
                    .migrate();
            try (Connection later = DriverManager.getConnection(URL);
                    PreparedStatement insert = later.prepareStatement(INSERT)) {
                insert.setString(1, "skip");
                assertEquals(1, insert.executeUpdate());
                insert.setString(1, "never");
                SQLException refused = assertThrows(SQLException.class, insert::executeUpdate);
                assertEquals(23513, refused.getErrorCode(), refused.getMessage()); // violated, not "invalid"
                try (ResultSet rows = later.createStatement()
                        .executeQuery("SELECT on_error FROM import_batch WHERE dataset = 'check-test'")) {
                    rows.next();
                    assertEquals("skip", rows.getString(1));
                    assertEquals(false, rows.next());
                }
            }
        }
    }
}
