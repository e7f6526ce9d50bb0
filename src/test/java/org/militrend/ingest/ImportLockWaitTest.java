package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Every import bumps the one data_version row inside its transaction, so an import into another
 * dataset waits while a first writer has not committed (a large import commits for minutes on
 * H2). It must wait and succeed: H2's default lock timeout of 2 s answered it 503 (found by the
 * reliability script's race trial). Here a plain transaction holds the row for 4 s, longer than
 * that default, while the import is sent; nothing is timed.
 */
@QuarkusTest
class ImportLockWaitTest {

    private static final String CSV =
            Api.nativeCsv("external_id,date,province,district,killed", "lw1,2018-03-01,KPK,Bannu,2");

    @Inject
    AgroalDataSource dataSource;

    /** Rows read so far by the import into lock-wait while it runs, else 0. */
    private static int runningImportRows() {
        JsonPath latest = given().get("/api/v1/imports?size=1").then().extract().jsonPath();
        if (!"lock-wait".equals(latest.getString("[0].dataset")) || !"running".equals(latest.getString("[0].state"))) {
            return 0;
        }
        Integer rows = given().get("/api/v1/imports/" + latest.getLong("[0].importId"))
                .then()
                .extract()
                .jsonPath()
                .get("progress.rowsDone");
        return rows == null ? 0 : rows;
    }

    @Test
    void anImportWaitsForAnotherWritersCommitInsteadOfFailing() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1");
            }
            CompletableFuture<ValidatableResponse> answer =
                    CompletableFuture.supplyAsync(() -> Api.importCsv(CSV, "format=native&dataset=lock-wait"), client);
            // once the import has read its row it bumps the version next and waits for this
            // transaction; 4 s later H2's default of 2 s would have failed it
            int rowsDone = 0;
            for (int i = 0; i < 600 && rowsDone < 1; i++) {
                Thread.sleep(100);
                rowsDone = runningImportRows();
            }
            assertEquals(1, rowsDone, "the import never started reading");
            Thread.sleep(4000);
            writer.commit();
            answer.get().statusCode(201).body("inserted", equalTo(1));
        } finally {
            client.shutdownNow();
        }
        assertEquals(
                1,
                given().get("/api/v1/incidents?dataset=lock-wait")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("total"));
    }
}
