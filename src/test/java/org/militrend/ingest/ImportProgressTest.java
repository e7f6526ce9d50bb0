package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/** A second client sees a running import's progress in GET /imports/{id}. */
@QuarkusTest
class ImportProgressTest {

    private static final int ROWS = 60_000;

    @Test
    void aRunningImportShowsItsProgress() throws Exception {
        StringBuilder csv = new StringBuilder(ROWS * 40).append("external_id,date,district,killed\n");
        LocalDate start = LocalDate.of(2010, 1, 1);
        String[] districts = {"Bannu", "Quetta", "Peshawar", "D.I. Khan", "Khyber Agency"};
        for (int i = 0; i < ROWS; i++) {
            csv.append("p")
                    .append(i)
                    .append(',')
                    .append(start.plusDays(i % 3650))
                    .append(',')
                    .append(districts[i % districts.length])
                    .append(',')
                    .append(i % 7)
                    .append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Integer> upload = CompletableFuture.supplyAsync(() ->
                Api.importCsv(body, "format=native&dataset=progress").extract().statusCode());

        Map<String, Object> progress = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (progress == null && !upload.isDone() && System.nanoTime() < deadline) {
            List<Map<String, Object>> running = given().get("/api/v1/imports?size=5")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("findAll { it.state == 'running' && it.dataset == 'progress' }");
            for (Map<String, Object> r : running) {
                Map<String, Object> report = given().get("/api/v1/imports/" + r.get("importId"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("");
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) report.get("progress");
                if (p != null && ((Number) p.get("rowsDone")).longValue() > 0) {
                    progress = p;
                }
            }
            Thread.sleep(20);
        }
        assertEquals(201, upload.get(180, TimeUnit.SECONDS));
        assertNotNull(progress, "no progress was seen while the import ran");
        long rows = ((Number) progress.get("rowsDone")).longValue();
        assertTrue(rows > 0 && rows <= ROWS, "rowsDone " + rows);
        assertEquals(body.length, ((Number) progress.get("bytesTotal")).longValue());
        assertTrue(((Number) progress.get("rowsPerSecond")).doubleValue() > 0);
        // once finished, the report has no progress and counts every row
        given().get("/api/v1/imports?size=5")
                .then()
                .body("find { it.dataset == 'progress' }.inserted", org.hamcrest.Matchers.is(ROWS));
    }
}
