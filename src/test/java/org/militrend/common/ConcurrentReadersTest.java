package org.militrend.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/**
 * 50 clients read at once, each with requests no cache has seen, so every one needs a database
 * connection (the pool has 16): all answer 200 with the right numbers. The expected numbers come
 * from one client asking first, one request at a time, by another route (the totals of an
 * aggregate without groups).
 */
@QuarkusTest
class ConcurrentReadersTest {

    static final int CLIENTS = 50;
    static final int REQUESTS_EACH = 2;

    @TestHTTPResource("/")
    URL base;

    /** One client's request and the numbers its answer must hold. */
    record Read(String path, int expectedTotal) {}

    @Test
    void fiftyConcurrentReadersGetNoErrorAndTheRightAnswers() throws Exception {
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide").statusCode(anyOf(is(200), is(201)));
        List<List<Read>> plans = new ArrayList<>();
        LocalDate start = LocalDate.of(2005, 1, 1);
        for (int c = 0; c < CLIENTS; c++) {
            List<Read> plan = new ArrayList<>();
            for (int r = 0; r < REQUESTS_EACH; r++) {
                // a different range per request: no two requests are the same, nothing is cached
                LocalDate from = start.plusDays(7L * (c * REQUESTS_EACH + r));
                LocalDate to = from.plusYears(3);
                String range = "dataset=pbc-suicide&from=" + from + "&to=" + to;
                int total = given().get("/api/v1/aggregates?metrics=incidents&" + range)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("totals.incidents");
                plan.add(new Read(
                        r % 2 == 0
                                ? "/api/v1/incidents?size=3&" + range
                                : "/api/v1/aggregates?groupBy=district,month&metrics=incidents&" + range,
                        total));
            }
            plans.add(plan);
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(60))
                .build();
        String root = base.toString().replaceAll("/$", "");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<String>>> results = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (List<Read> plan : plans) {
                Callable<List<String>> client = () -> {
                    List<String> failures = new ArrayList<>();
                    for (Read read : plan) {
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(URI.create(root + read.path()))
                                        .timeout(Duration.ofMinutes(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        String problem = check(read, response);
                        if (problem != null) {
                            failures.add(problem);
                        }
                    }
                    return failures;
                };
                results.add(clients.submit(client));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> f : results) {
                failures.addAll(f.get(15, TimeUnit.MINUTES));
            }
            // a figure for docs/reliability.md, not an assertion: the machine's load decides it
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "ConcurrentReadersTest on %s: %d clients x %d reads in %.1f s (%.1f req/s)%n",
                    System.getProperty("test.database", "h2"),
                    CLIENTS,
                    REQUESTS_EACH,
                    seconds,
                    CLIENTS * REQUESTS_EACH / seconds);
            assertEquals(List.of(), failures, "every concurrent read answers 200 with the right numbers");
        } finally {
            clients.shutdownNow();
        }
    }

    /** Null when the answer is right, else what is wrong with it. */
    private static String check(Read read, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return read.path() + " -> " + response.statusCode() + " " + response.body();
        }
        JsonPath json = JsonPath.from(response.body());
        int total =
                read.path().startsWith("/api/v1/incidents") ? json.getInt("total") : json.getInt("totals.incidents");
        if (total != read.expectedTotal()) {
            return read.path() + ": total " + total + ", expected " + read.expectedTotal();
        }
        if (read.path().startsWith("/api/v1/incidents")) {
            int items = json.getList("items").size();
            if (items != Math.min(3, total)) {
                return read.path() + ": " + items + " items for a total of " + total;
            }
        }
        return null;
    }
}
