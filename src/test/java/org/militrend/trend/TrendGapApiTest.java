package org.militrend.trend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Contract "Trends" over a coverage gap: the gap series' covered months come from two complete
 * datasets (gap-early covers 2019-01 .. 2020-02, gap-late 2020-09 .. 2021-12), so that nothing
 * covers 2020-03 .. 2020-08; /trends fits the covered months at their places in time and matches R.
 */
@QuarkusTest
class TrendGapApiTest {

    private static final String DISTRICT = "Kohat";

    private static void importGapSeries() {
        GapReference ref = GapReference.load();
        StringBuilder early = new StringBuilder("external_id,date,district\n");
        StringBuilder late = new StringBuilder("external_id,date,district\n");
        for (int i = 0; i < ref.periods().size(); i++) {
            String period = ref.periods().get(i);
            StringBuilder csv = period.compareTo("2020-03") < 0 ? early : late;
            for (int k = 0; k < ref.counts()[i]; k++) {
                csv.append("g")
                        .append(period)
                        .append('-')
                        .append(k)
                        .append(',')
                        .append(period)
                        .append("-15,")
                        .append(DISTRICT)
                        .append('\n');
            }
        }
        Api.importCsv(
                        early.toString(),
                        "format=native&dataset=gap-early&complete=true&coverageFrom=2019-01-01&coverageTo=2020-02-29")
                .statusCode(201);
        Api.importCsv(
                        late.toString(),
                        "format=native&dataset=gap-late&complete=true&coverageFrom=2020-09-01&coverageTo=2021-12-31")
                .statusCode(201);
    }

    @Test
    void theTrendOverAGapMatchesROnTheCoveredMonths() throws IOException {
        importGapSeries();
        String body = given().get("/api/v1/trends?metric=incidents&granularity=month&forecast=6"
                        + "&dataset=gap-early,gap-late&district=" + DISTRICT + "&from=2019-01-01&to=2021-12-31")
                .then()
                .statusCode(200)
                .body("warnings", hasItem(containsString("6 month(s) in the range are covered by no selected")))
                .body("segments[0].from", equalTo("2019-01"))
                .extract()
                .asString();
        JsonNode api = RefSeries.JSON.readTree(body);
        GapReference.load().compare(api);
        List<String> covered = GapReference.load().coveredSeries().periods();
        api.get("segments").forEach(s -> {
            assertEquals(true, covered.contains(s.get("from").textValue()), "a regime starts on a covered month");
            assertEquals(true, covered.contains(s.get("to").textValue()), "a regime ends on a covered month");
        });
        assertEquals("2021-12", api.at("/current/to").textValue());
    }

    @Test
    void withNoCoveredPeriodEveryModelIsNullWithAWarning() {
        Api.importCsv(
                        "external_id,date,district\nn1,2019-01-10,Kohat\nn2,2019-02-10,Kohat\nn3,2019-03-10,Kohat\n"
                                + "n4,2019-03-12,Kohat\n",
                        "format=native&dataset=gap-incomplete")
                .statusCode(201);
        given().get("/api/v1/trends?metric=incidents&dataset=gap-incomplete&forecast=3")
                .then()
                .statusCode(200)
                .body("periods", empty())
                .body("uncoveredPeriods", equalTo(List.of("2019-01", "2019-02", "2019-03")))
                .body("linear", nullValue())
                .body("poisson", nullValue())
                .body("mannKendall", nullValue())
                .body("sensSlope", nullValue())
                .body("changePoint", nullValue())
                .body("forecast", empty())
                .body("warnings", hasItem(containsString("no month in the range is covered by a selected complete")));
    }
}
