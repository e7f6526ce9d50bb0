package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A second client sees a running import's progress in GET /imports/{id}. The import reads a named
 * pipe that this test writes: after the first half of the rows it cannot go on until the test
 * sends the rest, so the running state is seen for certain, not by a lucky poll.
 */
@QuarkusTest
class ImportProgressTest {

    private static final int ROWS = 20_000;
    private static final int FIRST_PART = 12_000;

    @Inject
    ImportService imports;

    @Test
    void aRunningImportShowsItsProgress() throws Exception {
        Path dir = Files.createTempDirectory("militrend-progress-");
        Path pipe = dir.resolve("rows.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo failed");
        ImportOptions options = new ImportOptions(
                "native", "progress", false, ImportOptions.OnError.FAIL, false, StandardCharsets.UTF_8, "rows.csv");
        CompletableFuture<ImportReport> running = CompletableFuture.supplyAsync(() -> {
            try {
                return imports.importFile(pipe, options);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] header = "external_id,date,district,killed\n".getBytes(StandardCharsets.UTF_8);
        byte[] first = rows(0, FIRST_PART);
        byte[] rest = rows(FIRST_PART, ROWS);
        try (OutputStream out = openForWriting(pipe, running)) {
            out.write(header);
            out.write(first);
            out.flush();
            // the import has read every row sent so far and waits for more: it is running
            Map<String, Object> progress = progressOnceRowsDone(FIRST_PART, running);
            assertEquals(FIRST_PART, ((Number) progress.get("rowsDone")).longValue());
            assertEquals(header.length + first.length, ((Number) progress.get("bytesDone")).longValue());
            assertTrue(((Number) progress.get("rowsPerSecond")).doubleValue() > 0, progress.toString());
            assertTrue(((Number) progress.get("elapsedSeconds")).doubleValue() > 0, progress.toString());
            out.write(rest);
        }
        ImportReport report = running.get(180, TimeUnit.SECONDS);
        assertEquals(ROWS, report.rowsRead());
        assertEquals(ROWS, report.inserted());
        // once finished, the history counts every row and shows no progress
        given().get("/api/v1/imports/" + report.importId())
                .then()
                .statusCode(200)
                .body("state", is("completed"))
                .body("inserted", is(ROWS))
                .body("progress", is((Object) null));
        Files.deleteIfExists(pipe);
        Files.deleteIfExists(dir);
    }

    /**
     * Opens the pipe once the import opened it for reading; an import that ended before (an error)
     * fails the test instead of leaving it waiting on the pipe.
     */
    private static OutputStream openForWriting(Path pipe, CompletableFuture<ImportReport> running) throws Exception {
        CompletableFuture<OutputStream> open = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newOutputStream(pipe);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CompletableFuture.anyOf(open, running).get(120, TimeUnit.SECONDS);
        if (!open.isDone()) {
            // unblock the opener by reading the pipe ourselves, then report why the import ended
            Files.newInputStream(pipe).close();
            fail("the import ended before reading its file: "
                    + running.handle((r, e) -> r != null ? r : e).get());
        }
        return open.get();
    }

    /** Reads the history over HTTP, as a second client would, until the running import has done {@code rows}. */
    private static Map<String, Object> progressOnceRowsDone(long rows, CompletableFuture<ImportReport> running)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            assertTrue(!running.isDone(), "the import ended before the rest of its file was sent: " + running);
            List<Map<String, Object>> found = given().get("/api/v1/imports?size=5")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("findAll { it.state == 'running' && it.dataset == 'progress' }");
            for (Map<String, Object> r : found) {
                Map<String, Object> report = given().get("/api/v1/imports/" + r.get("importId"))
                        .then()
                        .statusCode(200)
                        .body("state", is("running"))
                        .extract()
                        .path("");
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) report.get("progress");
                assertNotNull(p, "a running import shows its progress: " + report);
                last = p;
                if (((Number) p.get("rowsDone")).longValue() == rows) {
                    return p;
                }
            }
            Thread.sleep(20);
        }
        fail("the running import never reported " + rows + " rows done; last progress " + last);
        return last;
    }

    private static byte[] rows(int from, int to) {
        StringBuilder csv = new StringBuilder((to - from) * 40);
        LocalDate start = LocalDate.of(2010, 1, 1);
        String[] districts = {"Bannu", "Quetta", "Peshawar", "D.I. Khan", "Khyber Agency"};
        for (int i = from; i < to; i++) {
            csv.append('p')
                    .append(i)
                    .append(',')
                    .append(start.plusDays(i % 3650))
                    .append(',')
                    .append(districts[i % districts.length])
                    .append(',')
                    .append(i % 7)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
