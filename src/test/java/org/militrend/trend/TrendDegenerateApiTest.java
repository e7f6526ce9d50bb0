package org.militrend.trend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Degenerate series and bad parameters over HTTP: 200 with null sections and warnings (never NaN,
 * never a 500), or a 400 problem+json that names the parameter.
 */
@QuarkusTest
class TrendDegenerateApiTest {

    private static final String HEADER = "external_id,date,district,killed,injured";

    /** Incidents with killed = 0 in 2019-01..2019-06 (one a month). */
    private static void importNoKilled() {
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int m = 1; m <= 6; m++) {
            csv.append("z").append(m).append(",2019-0").append(m).append("-10,Bannu,0,1\n");
        }
        Api.importCsv(csv.toString(), "format=native&dataset=deg-zero&complete=true")
                .statusCode(201);
    }

    /** 24 months 2018-01..2019-12, two incidents a month except every January (none). */
    private static void importNoJanuaries() {
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        YearMonth ym = YearMonth.of(2018, 1);
        for (int i = 0; i < 24; i++, ym = ym.plusMonths(1)) {
            if (ym.getMonthValue() == 1) {
                continue;
            }
            for (int j = 0; j < 2 + (i % 3); j++) {
                csv.append("s")
                        .append(ym)
                        .append('-')
                        .append(j)
                        .append(',')
                        .append(ym)
                        .append("-12,Bannu,1,0\n");
            }
        }
        Api.importCsv(
                        csv.toString(),
                        "format=native&dataset=deg-season&complete=true&coverageFrom=2018-01-01&coverageTo=2019-12-31")
                .statusCode(201);
    }

    private static ValidatableResponse trends(String query) {
        ValidatableResponse r = given().get("/api/v1/trends?" + query).then();
        String body = r.extract().asString();
        assertFalse(body.contains("NaN") || body.contains("Infinity"), "non-number in " + body);
        return r;
    }

    private static void allSectionsNull(ValidatableResponse r) {
        r.body("linear", nullValue())
                .body("poisson", nullValue())
                .body("poissonSeasonal", nullValue())
                .body("negativeBinomial", nullValue())
                .body("mannKendall", nullValue())
                .body("sensSlope", nullValue())
                .body("changePoint", nullValue())
                .body("forecast", empty())
                .body("anomalies", empty());
    }

    @Test
    void noDataForTheFilterIsA200WithNullSectionsAndWarnings() {
        for (String q : new String[] {
            "dataset=deg-none", "dataset=deg-none&from=2019-01-01", "dataset=deg-none&to=2019-01-01&seasonal=true"
        }) {
            ValidatableResponse r = trends(q).statusCode(200);
            allSectionsNull(r);
            r.body("periods", empty())
                    .body("observed", empty())
                    .body("warnings", hasItem(containsString("no incidents match")));
        }
    }

    @Test
    void anAllZeroSeriesHasNoModelsButAWarning() {
        importNoKilled();
        trends("dataset=deg-zero&metric=killed&seasonal=true")
                .statusCode(200)
                .body("observed", hasSize(6))
                .body("observed", everyItem(is(0)))
                .body("poisson", nullValue())
                .body("poissonSeasonal", nullValue())
                .body("negativeBinomial", nullValue())
                .body("forecast", empty())
                .body("warnings", not(empty()))
                .body("warnings", hasItem(containsString("zero")));
        // the same incidents have a perfectly fine (constant) incident series
        trends("dataset=deg-zero&metric=incidents")
                .statusCode(200)
                .body("observed", everyItem(is(1)))
                .body("poisson.slope", notNullValue());
    }

    @Test
    void oneMonthHasNoStatistics() {
        Api.importCsv(
                        Api.nativeCsv(HEADER, "o1,2019-05-03,Quetta,2,0", "o2,2019-05-20,Quetta,1,0"),
                        "format=native&dataset=deg-one&complete=true")
                .statusCode(201);
        ValidatableResponse r = trends("dataset=deg-one&metric=killed").statusCode(200);
        allSectionsNull(r);
        r.body("periods", equalTo(List.of("2019-05")))
                .body("observed", equalTo(List.of(3)))
                .body("warnings", hasItem(containsString("at least 3 periods")));
    }

    @Test
    void aCalendarMonthThatIsAlwaysZeroLeavesTheSeasonalModelNullWithAWarning() {
        importNoJanuaries();
        trends("dataset=deg-season&seasonal=true&from=2018-01-01&to=2019-12-31")
                .statusCode(200)
                .body("observed", hasSize(24))
                .body("observed[0]", is(0))
                .body("observed[12]", is(0))
                .body("poissonSeasonal", nullValue())
                .body("poisson.slope", notNullValue())
                .body("forecastModel", equalTo("poisson"))
                .body("forecast", hasSize(6))
                .body("warnings", hasItem(containsString("seasonal")));
    }

    @Test
    void seasonalWithAnotherGranularityIsAWarningNotAnError() {
        importNoJanuaries();
        trends("dataset=deg-season&seasonal=true&granularity=quarter&forecast=2")
                .statusCode(200)
                .body("periods[0]", equalTo("2018-Q1"))
                .body("periods", hasSize(8))
                .body("poissonSeasonal", nullValue())
                .body("forecast.period", equalTo(List.of("2020-Q1", "2020-Q2")))
                .body("warnings", hasItem(containsString("monthly")))
                .body("warnings", hasItem(containsString("per 12 quarters")));
        trends("dataset=deg-season&granularity=year&forecast=1")
                .statusCode(200)
                .body("periods", equalTo(List.of("2018", "2019")))
                .body("linear", nullValue());
    }

    @Test
    void perCapitaUsesTheDistrictPopulationAsExposure() {
        importNoJanuaries();
        JsonPath plain = Json.of(trends("dataset=deg-season&district=Bannu").statusCode(200));
        JsonPath rate = Json.of(trends("dataset=deg-season&district=Bannu&perCapita=true")
                .statusCode(200)
                .body("query.exposure.placeCode", equalTo("PK-KP-BANNU")));
        long population = rate.getLong("query.exposure.population2023");
        assertEquals(plain.getDouble("poisson.slope"), rate.getDouble("poisson.slope"), 1e-12);
        assertEquals(
                plain.getDouble("poisson.intercept") - Math.log(population / 100_000.0),
                rate.getDouble("poisson.intercept"),
                1e-9);
        assertEquals(plain.getDouble("forecast[0].mean"), rate.getDouble("forecast[0].mean"), 1e-9);
        trends("dataset=deg-season&perCapita=true")
                .statusCode(200)
                .body("query.exposure", nullValue())
                .body("warnings", hasItem(containsString("perCapita")));
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        String[][] cases = {
            {"/api/v1/trends?metric=deaths", "metric"},
            {"/api/v1/trends?granularity=day", "granularity"},
            {"/api/v1/trends?forecast=61", "forecast"},
            {"/api/v1/trends?forecast=-1", "forecast"},
            {"/api/v1/trends?forecast=six", "forecast"},
            {"/api/v1/trends?seasonal=maybe", "seasonal"},
            {"/api/v1/trends?perCapita=2", "perCapita"},
            {"/api/v1/trends?forecastFrom=latest", "forecastFrom"},
            {"/api/v1/trends?from=2019-13-01", "from"},
            {"/api/v1/trends?from=2019-02-01&to=2019-01-01", "from"},
            {"/api/v1/trends?from=1900-01-01&to=2019-01-01&granularity=week", "granularity"},
            {"/api/v1/trends?from=0001-01-01&to=2019-01-01&granularity=week", "from"},
            {"/api/v1/hotspots?by=city", "by"},
            {"/api/v1/hotspots?regime=recent", "regime"},
            {"/api/v1/hotspots?metric=x", "metric"},
            {"/api/v1/hotspots?granularity=decade", "granularity"},
        };
        for (String[] c : cases) {
            given().get(c[0])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", is(400))
                    .body("errors[0].field", equalTo(c[1]))
                    .body("detail", not(containsString("Exception")));
        }
    }

    @Test
    void anUnknownDistrictIsA400WithSuggestions() {
        for (String path : new String[] {"/api/v1/trends", "/api/v1/hotspots"}) {
            given().get(path + "?district=Peshwar")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("district"))
                    .body("errors[0].value", equalTo("Peshwar"))
                    .body("errors[0].suggestions", hasItem("Peshawar"));
        }
    }

    @Test
    void anUnchangedAnswerIsA304() {
        importNoJanuaries();
        String etag = given().get("/api/v1/trends?dataset=deg-season")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/v1/trends?dataset=deg-season")
                .then()
                .statusCode(304);
        given().header("If-None-Match", etag)
                .get("/api/v1/trends?dataset=deg-season&forecast=3")
                .then()
                .statusCode(200);
        String hot = given().get("/api/v1/hotspots?dataset=deg-season")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", hot)
                .get("/api/v1/hotspots?dataset=deg-season")
                .then()
                .statusCode(304);
    }
}
