package org.militrend.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request that finds no database connection in time answers 503 problem+json with Retry-After,
 * never a plain-text 500; once connections are free again, the same request succeeds. The test
 * takes every connection of the real pool itself and shortens the pool's wait for this request.
 */
@QuarkusTest
class ResourceShortageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anExhaustedPoolAnswers503WithRetryAfter() throws Exception {
        var pool = dataSource.getConfiguration().connectionPoolConfiguration();
        Duration configured = pool.acquisitionTimeout();
        List<Connection> held = new ArrayList<>();
        String url = "/api/v1/aggregates?groupBy=district&from=1901-02-03&to=1901-04-05";
        try {
            pool.setAcquisitionTimeout(Duration.ofSeconds(1));
            while (held.size() < pool.maxSize()) {
                held.add(dataSource.getConnection());
            }
            given().get(url)
                    .then()
                    .statusCode(503)
                    .contentType(ProblemDetail.MEDIA_TYPE)
                    .header("Retry-After", "5")
                    .body("status", is(503))
                    .body("title", is("Service unavailable"))
                    .body("detail", containsString("retry after 5 seconds"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
            pool.setAcquisitionTimeout(configured);
        }
        given().get(url).then().statusCode(200).body("totals.incidents", is(0));
    }
}
