package org.militrend.aggregate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Contract "Aggregates", coverage: three hand-built datasets with declared coverage.
 *
 * <pre>
 * cov-a  complete,   coverage 2020-01-01..2020-06-30; Feb: 2 incidents (killed 3, 4), May: 1 (killed unknown)
 * cov-c  complete,   coverage 2020-06-15..2020-08-31; Jul: 1 incident (killed 2)
 * cov-b  incomplete, no declared coverage;            Sep: 3 incidents (killed 1, 1, 2)
 * </pre>
 */
@QuarkusTest
class AggregateCoverageTest {

    private static final String HEADER = "external_id,date,district,killed";
    private static final String MONTHS = "groupBy=month&from=2020-01-01&to=2020-09-30&metrics=incidents,killed";

    @BeforeEach
    void load() {
        Api.importCsv(
                        Api.nativeCsv(
                                HEADER, "a1,2020-02-03,Bannu,3", "a2,2020-02-20,Quetta,4", "a3,2020-05-09,Bannu,"),
                        "format=native&dataset=cov-a&complete=true&coverageFrom=2020-01-01&coverageTo=2020-06-30")
                .statusCode(201);
        Api.importCsv(
                        Api.nativeCsv(HEADER, "c1,2020-07-11,Swat,2"),
                        "format=native&dataset=cov-c&complete=true&coverageFrom=2020-06-15&coverageTo=2020-08-31")
                .statusCode(201);
        Api.importCsv(
                        Api.nativeCsv(HEADER, "b1,2020-09-01,Kohat,1", "b2,2020-09-02,Kohat,1", "b3,2020-09-30,Swat,2"),
                        "format=native&dataset=cov-b")
                .statusCode(201);
    }

    @Test
    void periodsOutsideCoverageAreUnknownNotZero() {
        get("dataset=cov-a&" + MONTHS + "&unknowns=true")
                .body(
                        "rows.month",
                        contains(
                                "2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06", "2020-07", "2020-08",
                                "2020-09"))
                .body("rows.covered", contains(true, true, true, true, true, true, false, false, false))
                .body("rows.partial", everyItem(is(false)))
                .body("rows.incidents", contains(0, 2, 0, 0, 1, 0, null, null, null))
                .body("rows.killed", contains(0, 7, 0, 0, null, 0, null, null, null))
                .body("rows.killedUnknown", contains(0, 0, 0, 0, 1, 0, null, null, null))
                .body("totals.incidents", is(3))
                .body("warnings", hasItem(containsString("3 month(s) in the range are covered by no selected")));
    }

    @Test
    void anIncompleteDatasetGivesItsSumsWhereItHasEventsAndNothingElse() {
        get("dataset=cov-a,cov-b&" + MONTHS)
                .body("rows.covered", contains(true, true, true, true, true, true, false, false, false))
                .body("rows.incidents", contains(0, 2, 0, 0, 1, 0, null, null, 3))
                .body("rows.killed", contains(0, 7, 0, 0, null, 0, null, null, 4));
        // alone, the incomplete dataset covers nothing: its months are its sums or unknown
        get("dataset=cov-b&groupBy=month&from=2020-08-01&to=2020-09-30")
                .body("rows.covered", contains(false, false))
                .body("rows.incidents", contains(null, 3));
    }

    @Test
    void overlappingCompleteDatasetsAreSummedWithAWarning() {
        get("dataset=cov-a,cov-c&" + MONTHS)
                .body("rows.covered", contains(true, true, true, true, true, true, true, true, false))
                .body("rows.partial", everyItem(is(false)))
                .body("rows.incidents", contains(0, 2, 0, 0, 1, 0, 1, 0, null))
                .body(
                        "warnings",
                        hasItem(containsString("cov-a and cov-c both cover 2020-06-15 to 2020-06-30: incidents may be"
                                + " counted twice")));
        // a range outside the overlap: no warning
        get("dataset=cov-a,cov-c&groupBy=month&from=2020-01-01&to=2020-03-31")
                .body("warnings", not(hasItem(containsString("counted twice"))));
    }

    @Test
    void aPeriodCoverageOnlyPartlyOverlapsIsPartial() {
        get("dataset=cov-c&groupBy=month&from=2020-06-01&to=2020-09-30")
                .body("rows.month", contains("2020-06", "2020-07", "2020-08", "2020-09"))
                .body("rows.covered", contains(true, true, true, false))
                .body("rows.partial", contains(true, false, false, false))
                .body("rows.incidents", contains(0, 1, 0, null));
        get("dataset=cov-a&groupBy=quarter&from=2020-01-01&to=2020-09-30")
                .body("rows.quarter", contains("2020-Q1", "2020-Q2", "2020-Q3"))
                .body("rows.covered", contains(true, true, false))
                .body("rows.incidents", contains(2, 1, null));
        // a range that cuts a period is the reader's choice, not a gap in coverage
        get("dataset=cov-a&groupBy=year&from=2020-02-10&to=2020-06-30")
                .body("rows.partial", contains(false))
                .body("rows.incidents", contains(2));
        get("dataset=cov-a&groupBy=year&from=2020-01-01&to=2020-12-31")
                .body("rows.covered", contains(true))
                .body("rows.partial", contains(true))
                .body("rows.incidents", contains(3));
    }

    @Test
    void withoutADatasetFilterEveryDatasetCountsAndAPeriodNoneCoversIsUnknown() {
        // no test dataset reaches back to 1901
        get("groupBy=month&from=1901-01-01&to=1901-02-28&district=Bannu")
                .body("rows.covered", contains(false, false))
                .body("rows.incidents", contains(null, null));
        // cov-a's coverage applies without naming it
        get("groupBy=month&from=2020-03-01&to=2020-03-31&district=Bannu").body("rows.covered", contains(true));
    }

    @Test
    void theCsvHasTheSameColumns() {
        String csv = given().get("/api/v1/aggregates?dataset=cov-c&groupBy=month&from=2020-06-01&to=2020-09-30"
                        + "&metrics=incidents&format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                List.of(
                        "month,covered,partial,incidents",
                        "2020-06,true,true,0",
                        "2020-07,true,false,1",
                        "2020-08,true,false,0",
                        "2020-09,false,false,"),
                csv.lines().toList());
    }

    @Test
    void noTimeDimensionNoCoverageKeys() {
        get("dataset=cov-a").body("rows[0].covered", nullValue()).body("rows[0].incidents", is(3));
    }

    private static ValidatableResponse get(String query) {
        return given().get("/api/v1/aggregates?" + query).then().statusCode(200);
    }
}
