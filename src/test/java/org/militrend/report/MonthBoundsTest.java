package org.militrend.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The monthly report's month lies within the service's date range (1900-01-01 to a year from
 * today): anything else is a 400 naming 'month', never a 500 or a report of year 0.
 */
@QuarkusTest
class MonthBoundsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0000-02", "1582-10", "1899-12", "+999999999-12", "-999999999-01", "9999-12"})
    void aMonthOutsideTheDateRangeIsA400NamingIt(String month) {
        given().queryParam("month", month)
                .get("/api/v1/reports/monthly")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"))
                .body("errors[0].value", equalTo(month))
                .body("errors[0].message", containsString("1900-01-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-01", "2017-03"})
    void aMonthWhoseComparisonsLieInTheRangeIsServed(String month) {
        given().get("/api/v1/reports/monthly?month=" + month).then().statusCode(200);
    }

    @Test
    void aMonthMoreThanAYearAheadIsA400() {
        String month = LocalDate.now(ZoneOffset.UTC)
                .plusYears(1)
                .plusMonths(1)
                .toString()
                .substring(0, 7);
        given().get("/api/v1/reports/monthly/" + month)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"));
    }
}
