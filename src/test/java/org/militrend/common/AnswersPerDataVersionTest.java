package org.militrend.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Hotspots, trends, the incident page's total and what the datasets hold (the list of datasets,
 * and the coverage every aggregate asks for) are kept per data version, like aggregates: while
 * the version stands, a repeated request gets the kept answer even when the tables changed behind
 * the service's back (which no write through the service does without a bump); after a write
 * through the service, the answer is computed again and counts the same rows as before caching.
 */
@QuarkusTest
class AnswersPerDataVersionTest {

    private static final String DATASET = "cache-per-version";
    private static final String MONTHS = "&from=2019-01-01&to=2019-05-31";
    private static final String HOTSPOTS = "/api/v1/hotspots?dataset=" + DATASET + MONTHS;
    private static final String TRENDS = "/api/v1/trends?dataset=" + DATASET + MONTHS + "&district=Bannu";
    private static final String INCIDENTS = "/api/v1/incidents?size=2&dataset=" + DATASET;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void keptWhileTheVersionStandsAndRecomputedAfterAWrite() throws SQLException {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,killed",
                                "c1,2019-01-05,KPK,Bannu,1",
                                "c2,2019-02-05,KPK,Bannu,0",
                                "c3,2019-02-15,KPK,Bannu,2",
                                "c4,2019-03-05,KPK,Bannu,0",
                                "c5,2019-04-05,KPK,Bannu,1",
                                "c6,2019-05-05,KPK,Bannu,3",
                                "c7,2019-05-06,Punjab,Lahore,1"),
                        "format=native&dataset=" + DATASET)
                .statusCode(anyOf(is(200), is(201)));
        // complete over its months, so that a month without incidents is a true zero to fit
        Api.editor()
                .contentType("application/json")
                .body("{\"coverage\": {\"from\": \"2019-01-01\", \"to\": \"2019-05-31\"}, \"complete\": true}")
                .put("/api/v1/datasets/" + DATASET)
                .then()
                .statusCode(200);
        assertAnswers(7, 6, List.of("Lahore"), List.of(1, 2, 1, 1, 1));

        // behind the service's back: May's rows leave the incidents and both rollups, no version bump
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String table : List.of("incident", "incident_month_rollup", "incident_place_month_rollup")) {
                s.executeUpdate(
                        "DELETE FROM " + table + " WHERE dataset = '" + DATASET + "' AND period_month = '2019-05'");
            }
        }
        assertAnswers(7, 6, List.of("Lahore"), List.of(1, 2, 1, 1, 1));

        // a write through the service bumps the version: every answer is read again
        Api.importCsv(
                        Api.nativeCsv("external_id,date,province,district,killed", "b1,2019-01-01,Punjab,Lahore,0"),
                        "format=native&dataset=" + DATASET + "-bump")
                .statusCode(anyOf(is(200), is(201)));
        assertAnswers(5, 5, List.of(), List.of(1, 2, 1, 1, 0));
    }

    /**
     * The incident page's total, the dataset's count in the list of datasets, Bannu's hotspot
     * total, the places with too little for a trend and Bannu's monthly series.
     */
    private static void assertAnswers(int incidents, int bannu, List<String> insufficient, List<Integer> observed) {
        given().get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("find { it.name == '" + DATASET + "' }.incidents", is(incidents));

        JsonPath page = given().get(INCIDENTS).then().statusCode(200).extract().jsonPath();
        assertEquals(incidents, page.getInt("total"));
        assertEquals(2, page.getList("items").size());

        JsonPath hot = given().get(HOTSPOTS).then().statusCode(200).extract().jsonPath();
        assertEquals("Bannu", hot.getString("ranked[0].district"), hot.prettify());
        assertEquals(bannu, hot.getInt("ranked[0].total"));
        assertEquals(1, hot.getList("ranked").size(), hot.prettify());
        assertEquals(insufficient, hot.getList("insufficient.district"), hot.prettify());

        JsonPath trend = given().get(TRENDS).then().statusCode(200).extract().jsonPath();
        assertEquals(observed, trend.getList("observed", Integer.class));
    }
}
