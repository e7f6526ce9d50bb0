package org.militrend.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * The monthly report over a hand-built dataset whose figures are worked out here.
 *
 * <pre>
 * March 2019: Bannu 2 incidents (killed 12 = 2 civ + 10 sf, injured 5), North Waziristan 1 suicide
 *             bombing (killed 20, 5 militants, injured 30), Quetta 1 (killed 1), KP province-only 1 (injured 1)
 * Feb 2019:   Bannu 1 (killed 2)
 * March 2018: Quetta 1 (killed 40)
 * totals March: incidents 5, killed 33, injured 36
 * </pre>
 */
@QuarkusTest
class MonthlyReportTest {

    static final String Q = "/api/v1/reports/monthly?dataset=rep-hand&month=2019-03";

    @BeforeEach
    void load() {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,event_type,killed,killed_civilians,"
                                        + "killed_security_forces,killed_militants,injured",
                                "m1,2019-03-02,KPK,Bannu,Attack,10,,10,,5",
                                "m2,2019-03-09,KPK,Bannu,Attack,2,2,,,",
                                "m3,2019-03-15,KPK,North Waziristan,Suicide bombing,20,,,5,30",
                                "m4,2019-03-20,Balochistan,Quetta,Attack,1,,,,",
                                "m5,2019-03-21,KPK,,IED,,,,,1",
                                "p1,2019-02-10,KPK,Bannu,Attack,2,,,,",
                                "y1,2018-03-10,Balochistan,Quetta,Suicide bombing,40,,,,"),
                        // complete over 2018-2019: its empty months are true zeros
                        "format=native&dataset=rep-hand&complete=true&coverageFrom=2018-01-01&coverageTo=2019-12-31")
                .statusCode(201);
    }

    @Test
    void totalsSplitAndChanges() {
        given().get(Q)
                .then()
                .statusCode(200)
                .body("month", equalTo("2019-03"))
                .body("previousMonth", equalTo("2019-02"))
                .body("sameMonthLastYear", equalTo("2018-03"))
                .body("totals.incidents", is(5))
                .body("totals.killed", is(33))
                .body("totals.injured", is(36))
                .body("totals.killedCivilians", is(2))
                .body("totals.killedSecurityForces", is(10))
                .body("totals.killedMilitants", is(5))
                .body("totals.killedUnattributed", is(16))
                .body("previous.killed", is(2))
                .body("lastYear.killed", is(40))
                .body("changeVsPreviousMonth.killed.difference", is(31))
                .body("changeVsPreviousMonth.killed.percent", is(1550.0f))
                .body("changeVsPreviousMonth.killed.band", equalTo("large rise"))
                .body("changeVsPreviousMonth.incidents.band", equalTo("too few to compare"))
                .body("changeVsSameMonthLastYear.killed.percent", is(-17.5f))
                .body("changeVsSameMonthLastYear.killed.band", equalTo("limited change"))
                .body("suicideAttacks.incidents", is(1))
                .body("suicideAttacks.killed", is(20))
                .body("attribution[0].dataset", equalTo("rep-hand"));
    }

    @Test
    void placesRegionsAndTopDistricts() {
        given().get(Q)
                .then()
                .body("byProvince.name", contains("Khyber Pakhtunkhwa", "Balochistan"))
                .body("byProvince[0].incidents", is(4))
                .body("byProvince[0].killed", is(32))
                .body("byProvince[0].killedVsPreviousMonth.baseline", is(2))
                .body("byRegion.find { it.name == 'Former FATA (tribal districts)' }.killed", is(20))
                .body("byRegion.find { it.name == 'KP mainland' }.killed", is(12))
                .body("topDistricts", hasSize(3))
                .body("topDistricts.name", contains("North Waziristan", "Bannu", "Quetta"))
                .body("topDistricts[1].incidents", is(2))
                .body("topDistricts[1].killedVsPreviousMonth.baseline", is(2))
                .body("topDistricts[1].killedVsPreviousMonth.current", is(12));
    }

    @Test
    void filtersNarrowTheReport() {
        given().get(Q + "&province=Balochistan")
                .then()
                .body("totals.incidents", is(1))
                .body("filters.province[0]", equalTo("PK-BA"))
                .body("changeVsSameMonthLastYear.killed.baseline", is(40));
    }

    @Test
    void thePrintablePageShowsTheSameNumbers() {
        given().get("/reports/monthly/2019-03?dataset=rep-hand")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Militant violence in March 2019"))
                .body(containsString("<td>North Waziristan</td>"))
                .body(containsString("@media print"))
                .body(not(containsString("{report")));
        given().get("/api/v1/reports/monthly/2019-03?dataset=rep-hand").then().statusCode(200);
    }

    @Test
    void aDistrictRisingOverTheLast24MonthsIsFlagged() {
        StringBuilder csv = new StringBuilder("external_id,date,district,killed\n");
        YearMonth first = YearMonth.of(2017, 4);
        for (int m = 0; m < 24; m++) {
            for (int k = 0; k < m / 2; k++) {
                csv.append("r")
                        .append(m)
                        .append('-')
                        .append(k)
                        .append(',')
                        .append(first.plusMonths(m).atDay(10))
                        .append(",Lahore,1\n");
            }
        }
        Api.importCsv(csv.toString(), "format=native&dataset=rep-rise&complete=true&coverageFrom=2017-04-01")
                .statusCode(201);
        given().get("/api/v1/reports/monthly?dataset=rep-rise&month=2019-03")
                .then()
                .statusCode(200)
                .body("trendFlags", hasSize(1))
                .body("trendFlags[0].district", equalTo("Lahore"))
                .body("trendFlags[0].direction", equalTo("rising"))
                .body("trendFlags[0].since", equalTo("2018-04"))
                .body("trendFlags[0].adjustedPValue", org.hamcrest.Matchers.lessThan(0.05f));
        given().get(Q).then().body("trendFlags", hasSize(0));
    }

    /** Contract: a count every incident lacks is unknown, never 0, in JSON and in print. */
    @Test
    void unknownsArePrintedAsNotApplicableWithTheirCount() {
        given().get(Q + "&province=Balochistan")
                .then()
                .statusCode(200)
                .body("totals.killed", is(1))
                .body("totals.killedCivilians", nullValue())
                .body("totals.unknown.killedCivilians", is(1))
                .body("totals.injured", nullValue())
                .body("totals.unknown.injured", is(1))
                .body("topDistricts[0].injured", nullValue())
                .body("topDistricts[0].injuredUnknown", is(1));
        String page = given().get("/reports/monthly/2019-03?dataset=rep-hand&province=Balochistan")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                page.contains("<td>n/a (1 incident lacks the figure)</td><td>n/a (1 incident lacks the figure)</td>"),
                "civilians and security forces are n/a");
        assertTrue(page.contains("<td class=\"n\">n/a (1 incident lacks the figure)</td></tr>"), "injured is n/a");
        assertFalse(page.contains("<td>0</td>"), "no invented 0");
    }

    /** A month no complete dataset covers is compared with nothing and has no figures. */
    @Test
    void comparisonsWithAnUncoveredMonthSayNotCovered() {
        given().get("/api/v1/reports/monthly?dataset=rep-hand&month=2020-01")
                .then()
                .statusCode(200)
                .body("totals.covered", is(false))
                .body("totals.incidents", nullValue())
                .body("previous.covered", is(true))
                .body("previous.incidents", is(0))
                .body("changeVsPreviousMonth.killed.band", equalTo("not covered"))
                .body("changeVsPreviousMonth.killed.current", nullValue())
                .body("warnings", hasItem(containsString("no selected complete dataset covers 2020-01")));
        given().get("/api/v1/reports/monthly?dataset=rep-hand&month=2018-01")
                .then()
                .body("totals.incidents", is(0))
                .body("changeVsPreviousMonth.incidents.band", equalTo("not covered"))
                .body("changeVsPreviousMonth.incidents.baseline", nullValue())
                .body("changeVsSameMonthLastYear.incidents.band", equalTo("not covered"));
        String page = given().get("/reports/monthly/2020-01?dataset=rep-hand")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("<div class=\"v\">not covered</div>"), "the month's figures are not covered");
        assertTrue(page.contains("No complete dataset covers January 2020"), "the page says why");
        assertFalse(page.contains("new activity)"), "no comparison with nothing");
        assertTrue(page.contains("vs 2019-12: not compared (this month is not covered)"), "December 2019 is covered");
        assertFalse(page.contains("<h2>By province</h2>"), "no table of an uncovered month");
    }

    @Test
    void badInputIsAProblem() {
        given().get("/api/v1/reports/monthly?month=March")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        given().get("/api/v1/reports/monthly").then().statusCode(400).body("errors[0].field", equalTo("month"));
        given().get("/api/v1/reports/monthly?month=2019-03&from=2019-01-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().get("/reports/monthly/2019-13").then().statusCode(400).contentType("application/problem+json");
    }
}
