package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Two imports into one dataset at the same moment, over real HTTP, 20 rounds each: they run one
 * after another, so both succeed, no row is lost or doubled, and a new dataset is registered once.
 * A barrier releases both requests together; nothing is timed.
 */
@QuarkusTest
class ImportRaceTest {

    private static final int ROUNDS = 20;
    private static final int ROWS = 30;
    private static final String HEADER = "external_id,date,province,district,killed";

    @TestHTTPResource("/api/v1/imports")
    URL imports;

    private static ExecutorService pool;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startClients() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopClients() {
        pool.shutdownNow();
    }

    @Test
    void twoImportsIntoTheSameNewDatasetBothKeepTheirRows() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String dataset = "race-new-" + round;
            List<HttpResponse<String>> answers = together(dataset, file("a" + round), file("b" + round));
            for (HttpResponse<String> answer : answers) {
                assertEquals(201, answer.statusCode(), "round " + round + ": " + answer.body());
                assertEquals(ROWS, JsonPath.from(answer.body()).getInt("inserted"), answer.body());
            }
            total(dataset, 2 * ROWS);
            given().get("/api/v1/datasets/" + dataset).then().statusCode(200);
        }
    }

    @Test
    void theSameFileTwiceAtOnceIsWrittenOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String dataset = "race-same-" + round;
            String csv = file("s" + round);
            List<HttpResponse<String>> answers = together(dataset, csv, csv);
            List<Integer> inserted = new ArrayList<>();
            List<Integer> unchanged = new ArrayList<>();
            for (HttpResponse<String> answer : answers) {
                assertEquals(201, answer.statusCode(), "round " + round + ": " + answer.body());
                inserted.add(JsonPath.from(answer.body()).getInt("inserted"));
                unchanged.add(JsonPath.from(answer.body()).getInt("unchanged"));
            }
            // one of the two wrote every row, the other found them all in place
            assertEquals(ROWS, inserted.stream().mapToInt(Integer::intValue).sum(), "inserted " + inserted);
            assertEquals(ROWS, unchanged.stream().mapToInt(Integer::intValue).sum(), "unchanged " + unchanged);
            assertEquals(0, inserted.get(0) * inserted.get(1), "both inserted: " + inserted);
            total(dataset, ROWS);
        }
    }

    /** Posts both files to the dataset at the same moment; the answers in order. */
    private List<HttpResponse<String>> together(String dataset, String first, String second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (String csv : List.of(first, second)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(imports + "?format=native&dataset=" + dataset))
                    .header("Authorization", "Bearer " + Api.TOKEN)
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                    .build();
            futures.add(pool.submit(() -> {
                start.await();
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            answers.add(f.get());
        }
        return answers;
    }

    private static String file(String prefix) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(prefix + "-" + i + ",2021-0" + (1 + i % 9) + "-1" + (i % 10) + ",KPK,Bannu," + i);
        }
        return Api.nativeCsv(HEADER, rows.toArray(String[]::new));
    }

    private static void total(String dataset, int expected) {
        given().get("/api/v1/incidents?dataset=" + dataset)
                .then()
                .statusCode(200)
                .body("total", is(expected));
    }
}
