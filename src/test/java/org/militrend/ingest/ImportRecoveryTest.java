package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * What a start finds after the process died mid-import: the history says 'running'. The two
 * states a death can leave (the data transaction committed, or not) are made in the real
 * database, then the start-up step runs as at boot.
 */
@QuarkusTest
class ImportRecoveryTest {

    @Inject
    ImportRecovery recovery;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void runningImportsBecomeInterruptedWithWhatTheDatabaseHolds() throws SQLException {
        String csv = Api.nativeCsv(
                "external_id,date,province,district,killed",
                "r1,2019-05-01,KPK,Bannu,1",
                "r2,2019-05-02,KPK,Bannu,2",
                "r3,2019-05-03,Punjab,Lahore,0");
        int committed = Api.importCsv(csv, "format=native&dataset=recover-all")
                .statusCode(201)
                .extract()
                .path("importId");
        long rolledBack;
        try (Connection c = dataSource.getConnection()) {
            // died after its data committed, before the report was written
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE import_batch SET status = 'running'," + " finished_at = NULL, inserted = 0 WHERE id = ?")) {
                s.setLong(1, committed);
                assertEquals(1, s.executeUpdate());
            }
            // died before its data committed: the database holds nothing of it
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO import_batch (format, dataset, dry_run, on_error, status, started_at)"
                            + " VALUES ('native', 'recover-none', FALSE, 'fail', 'running', ?)",
                    new String[] {"id"})) {
                s.setObject(1, OffsetDateTime.now());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    rolledBack = keys.getLong(1);
                }
            }
        }
        assertEquals(2, recovery.markInterrupted());
        given().get("/api/v1/imports/" + committed)
                .then()
                .statusCode(200)
                .body("state", equalTo("interrupted"))
                .body("inserted", is(3))
                .body("errors[0].message", containsString("holds its 3 written rows"));
        given().get("/api/v1/imports/" + rolledBack)
                .then()
                .statusCode(200)
                .body("state", equalTo("interrupted"))
                .body("inserted", is(0))
                .body("errors[0].message", containsString("none of its rows"));
        given().get("/api/v1/incidents?dataset=recover-all").then().body("total", is(3));
        given().get("/api/v1/incidents?dataset=recover-none").then().body("total", is(0));
        // a second start finds nothing left to mark
        assertEquals(0, recovery.markInterrupted());
    }
}
