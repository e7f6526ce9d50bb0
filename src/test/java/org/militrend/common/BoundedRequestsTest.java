package org.militrend.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.militrend.testing.Api;

/**
 * Requests that once cost minutes and gigabytes, or a 500, answer a 400 problem+json that names
 * the parameter, on the real database over HTTP.
 *
 * <p>Data: 20 incidents in Bannu, one per actor {@code actor-01 .. actor-20}, in January 2015.
 * From Monday 1900-01-01 to 2025-12-31 there are 6,575 ISO weeks, so 15 actors by week make
 * 98,625 rows (under the bound of 100,000) and 16 make 105,200 (over it).
 */
@QuarkusTest
class BoundedRequestsTest {

    static final String DATASET = "bounds";
    static final String CENTURY = "from=1900-01-01&to=2025-12-31";

    @BeforeEach
    void load() {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(String.format("b%02d,2015-01-%02d,Bannu,actor-%02d,%d", i, i, i, i));
        }
        Api.importCsv(
                        Api.nativeCsv("external_id,date,district,actor,killed", rows.toArray(String[]::new)),
                        "format=native&dataset=" + DATASET)
                .statusCode(201);
    }

    /** The URL is sent as written (it is already encoded: %2B is a plus sign). */
    private static ValidatableResponse badParameter(String url, String field, String value) {
        return given().urlEncodingEnabled(false)
                .get(url)
                .then()
                .statusCode(400)
                .contentType(ProblemDetail.MEDIA_TYPE)
                .body("status", is(400))
                .body("errors[0].field", is(field))
                .body("errors[0].value", is(value));
    }

    /** The requests: far-off dates, and year 0, on every endpoint that filters by date. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'/api/v1/aggregates?groupBy=year&from=-999999999-01-01&to=%2B999999999-12-31', from, -999999999-01-01",
        "'/api/v1/aggregates?groupBy=year&from=1900-01-01&to=%2B999999999-12-31', to, +999999999-12-31",
        "'/api/v1/aggregates?groupBy=district,month&from=0001-01-01&to=9999-12-31&limit=1', from, 0001-01-01",
        "'/api/v1/aggregates?groupBy=month&from=1899-12-31', from, 1899-12-31",
        "'/api/v1/incidents?from=0000-02-29', from, 0000-02-29",
        "'/api/v1/incidents?format=csv&from=0000-02-29', from, 0000-02-29",
        "'/api/v1/incidents?from=1582-10-10', from, 1582-10-10",
        "'/api/v1/trends?metric=incidents&to=9999-12-31', to, 9999-12-31",
        "'/api/v1/hotspots?metric=killed&by=district&from=0000-02-29', from, 0000-02-29",
    })
    void datesOutsideTheAcceptedRangeAreRefused(String url, String field, String value) {
        badParameter(url, field, value).body("detail", containsString("between 1900-01-01 and"));
    }

    @Test
    void theRangeEndsOneYearFromToday() {
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusYears(1);
        given().get("/api/v1/incidents?dataset=" + DATASET + "&from=1900-01-01&to=" + latest)
                .then()
                .statusCode(200)
                .body("total", is(20));
        badParameter(
                "/api/v1/incidents?to=" + latest.plusDays(1),
                "to",
                latest.plusDays(1).toString());
    }

    @Test
    void anAnswerUnderTheBoundIsServedWhole() {
        // 15 actors x 6,575 weeks = 98,625 rows: served; limit cuts after the totals
        given().get("/api/v1/aggregates?groupBy=actor,week&metrics=incidents,killed&dataset=" + DATASET + "&" + CENTURY
                        + "&actor=" + actors(15) + "&limit=2&sort=-killed")
                .then()
                .statusCode(200)
                .body("rows", hasSize(2))
                .body("rows[0].actor", is("actor-15"))
                .body("rows[0].week", is("2015-W03"))
                .body("rows[0].killed", is(15))
                .body("totals.incidents", is(15))
                .body("totals.killed", is(120));
    }

    @Test
    void anAnswerOverTheBoundIsRefusedBeforeItIsBuilt() {
        given().get("/api/v1/aggregates?groupBy=actor,week&dataset=" + DATASET + "&" + CENTURY + "&actor=" + actors(16)
                        + "&limit=1")
                .then()
                .statusCode(400)
                .contentType(ProblemDetail.MEDIA_TYPE)
                .body("title", is("Answer too large"))
                .body("errors[0].field", is("groupBy"))
                .body("errors[0].value", is("actor,week"))
                .body("detail", containsString("16 groups × 6575 weeks from 1900-01-01 to 2025-12-31"))
                .body("detail", containsString("more than 100000 rows"))
                .body("detail", containsString("a shorter range (from, to), a coarser time dimension"));
        // the seven dimensions by week: 20 groups x 6,575 weeks
        given().get("/api/v1/aggregates?groupBy=province,district,region,eventType,actor,dataset,week&dataset="
                        + DATASET + "&" + CENTURY)
                .then()
                .statusCode(400)
                .body("title", is("Answer too large"))
                .body("detail", containsString("20 groups × 6575 weeks"));
    }

    @Test
    void placesAloneAreCountedNotGuessed() {
        // by district and week over the century the gazetteer allows more than 100,000 rows, but the
        // data hold one group (Bannu, KP): 6,575 rows
        given().get("/api/v1/aggregates?groupBy=district,week&metrics=incidents&dataset=" + DATASET + "&" + CENTURY
                        + "&sort=-incidents&limit=1")
                .then()
                .statusCode(200)
                .body("rows[0].district", is("Bannu"))
                .body("rows[0].incidents", is(7))
                .body("totals.incidents", is(20));
        given().get("/api/v1/aggregates?groupBy=district,week&metrics=incidents&format=csv&dataset=" + DATASET + "&"
                        + CENTURY)
                .then()
                .statusCode(200)
                .body(startsWith("district,districtCode,province,week,covered,partial,incidents\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'page=2147483647', page, 2147483647",
        "'page=2147483647&size=2', page, 2147483647",
        "'page=-1', page, -1",
        "'page=abc', page, abc",
        "'size=0', size, 0",
        "'size=10001', size, 10001",
        "'size=99999999999', size, 99999999999",
        "'page=21474837&size=100', page, 21474837",
    })
    void pagesBeyondReachAreRefused(String query, String field, String value) {
        badParameter("/api/v1/incidents?" + query, field, value);
        badParameter("/api/v1/incidents?format=csv&" + query, field, value);
    }

    @Test
    void theLastReachablePageIsEmptyNotAnError() {
        for (String page : List.of("page=21474836&size=100", "page=2147483647&size=1")) {
            given().get("/api/v1/incidents?dataset=" + DATASET + "&" + page)
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0))
                    .body("total", is(20));
        }
    }

    private static String actors(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add(String.format("actor-%02d", i));
        }
        return String.join(",", names);
    }
}
