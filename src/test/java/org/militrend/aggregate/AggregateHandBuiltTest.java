package org.militrend.aggregate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Aggregates over six incidents entered by hand, whose every figure is worked out below, on the
 * real database over HTTP.
 *
 * <pre>
 * id  date        place                       type             actor killed(civ,sf,mil) injured
 * h1  2020-01-15  Bannu (KP mainland)         Attack           TTP   3 (1,2,0)          4
 * h2  2020-01-20  North Waziristan (ex-FATA)  Attack           TTP   5 (0,3,2)          -
 * h3  2020-03-02  Quetta (Balochistan)        Suicide bombing  BLA   10 (8,2,0)         20
 * h4  2020-03-10  KP, no district             IED              -     -                  2
 * h5  2020-02     Lahore (Punjab), month-precise Attack        TTP   1                  1
 * h6  2021-01-05  Bannu                       Attack           ISKP  0                  0
 * </pre>
 */
@QuarkusTest
class AggregateHandBuiltTest {

    static final String DATASET = "agg-hand";
    static final String Q = "/api/v1/aggregates?dataset=" + DATASET + "&";

    @BeforeEach
    void load() {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,event_type,actor,killed,killed_civilians,"
                                        + "killed_security_forces,killed_militants,injured",
                                "h1,2020-01-15,KPK,Bannu,Attack,TTP,3,1,2,0,4",
                                "h2,2020-01-20,FATA,North Waziristan Agency,Attack,TTP,5,0,3,2,",
                                "h3,2020-03-02,Balochistan,Quetta,Suicide bombing,BLA,10,8,2,0,20",
                                "h4,2020-03-10,KPK,,IED,,,,,,2",
                                "h5,2020-02,Punjab,Lahore,Attack,TTP,1,,,,1",
                                "h6,2021-01-05,KPK,Bannu,Attack,ISKP,0,,,,0"),
                        // declared complete: its empty months inside its coverage are true zeros
                        "format=native&complete=true&dataset=" + DATASET)
                .statusCode(201);
    }

    @Test
    void totalsOfEveryMetric() {
        get("metrics=incidents,killed,injured,casualties,killedCivilians,killedSecurityForces,killedMilitants")
                .body("rows", hasSize(1))
                .body("totals.incidents", is(6))
                .body("totals.killed", is(19))
                .body("totals.injured", is(27))
                .body("totals.casualties", is(46))
                .body("totals.killedCivilians", is(9))
                .body("totals.killedSecurityForces", is(7))
                .body("totals.killedMilitants", is(2))
                .body("rows[0].killed", is(19))
                .body("query.from", equalTo("2020-01-15"))
                .body("query.to", equalTo("2021-01-05"))
                .body("attribution[0].dataset", equalTo(DATASET));
    }

    @Test
    void byMonthIsZeroFilledOverTheRange() {
        get("groupBy=month&from=2020-01-01&to=2020-04-30")
                .body("rows.month", contains("2020-01", "2020-02", "2020-03", "2020-04"))
                .body("rows.incidents", contains(2, 1, 2, 0))
                .body("rows.killed", contains(8, 1, 10, 0))
                .body("rows.injured", contains(4, 1, 22, 0))
                .body("totals.incidents", is(5));
        // default range: the data's first and last event -> 2020-01 .. 2021-01
        get("groupBy=month").body("rows", hasSize(13)).body("rows[12].incidents", is(1));
        get("groupBy=quarter").body("rows.quarter", contains("2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2021-Q1"));
        get("groupBy=year").body("rows.year", contains("2020", "2021")).body("rows.incidents", contains(5, 1));
    }

    /**
     * Contract "Aggregates": unknown counts add 0, a sum over only unknowns is null, and
     * totals.unknown counts the incidents lacking each figure. Unknown killed: h4; injured: h2;
     * casualties: none (h2 and h4 each know one part); the split: h4, h5, h6.
     */
    @Test
    void unknownsStayUnknown() {
        get("metrics=incidents,killed,injured,casualties,killedCivilians,killedSecurityForces,killedMilitants")
                .body("totals.killed", is(19))
                .body("totals.unknown.killed", is(1))
                .body("totals.unknown.injured", is(1))
                .body("totals.unknown.casualties", is(0))
                .body("totals.unknown.killedCivilians", is(3))
                .body("totals.unknown.killedSecurityForces", is(3))
                .body("totals.unknown.killedMilitants", is(3))
                .body("totals.unknown", not(org.hamcrest.Matchers.hasKey("incidents")));
        // the KP row without a district holds only h4, whose killed and split are unknown
        ValidatableResponse byDistrict =
                get("groupBy=district&metrics=incidents,killed,injured,killedCivilians&unknowns=true");
        byDistrict
                .body("rows.find { it.district == null }.killed", nullValue())
                .body("rows.find { it.district == null }.killedUnknown", is(1))
                .body("rows.find { it.district == null }.injured", is(2))
                .body("rows.find { it.district == null }.injuredUnknown", is(0))
                .body("rows.find { it.district == null }.killedCivilians", nullValue())
                .body("rows.find { it.district == 'Lahore' }.killed", is(1))
                .body("rows.find { it.district == 'Lahore' }.killedCivilians", nullValue())
                .body("rows.find { it.district == 'Lahore' }.killedCiviliansUnknown", is(1))
                .body("rows.find { it.district == 'Bannu' }.killedCivilians", is(1))
                .body("rows.find { it.district == 'Bannu' }.killedCiviliansUnknown", is(1))
                .body("rows.find { it.district == 'North Waziristan' }.injured", nullValue())
                .body("rows.find { it.district == 'North Waziristan' }.injuredUnknown", is(1))
                .body("rows[0]", not(org.hamcrest.Matchers.hasKey("incidentsUnknown")));
        // without unknowns=true the rows carry no *Unknown keys
        get("groupBy=district").body("rows[0]", not(org.hamcrest.Matchers.hasKey("killedUnknown")));
        // a filter whose every incident lacks the split: null totals, never 0
        given().get(Q + "district=Lahore&metrics=killed,killedCivilians")
                .then()
                .statusCode(200)
                .body("totals.killed", is(1))
                .body("totals.killedCivilians", nullValue())
                .body("totals.unknown.killedCivilians", is(1))
                .body("rows[0].killedCivilians", nullValue());
        // zero-filled periods without incidents are true zeros; March holds h4's unknown killed
        get("groupBy=month&from=2020-01-01&to=2020-04-30&metrics=killed,killedCivilians&unknowns=true")
                .body("rows.killed", contains(8, 1, 10, 0))
                .body("rows.killedUnknown", contains(0, 0, 1, 0))
                .body("rows.killedCivilians", contains(1, null, 8, 0))
                .body("rows.killedCiviliansUnknown", contains(0, 1, 1, 0));
        // per capita of an unknown is unknown
        get("groupBy=district&metrics=killed,killedCivilians&perCapita=true")
                .body("rows.find { it.district == 'Lahore' }.killedCiviliansPer100k", nullValue())
                .body("rows.find { it.district == 'Lahore' }.killedPer100k", notNullValue());
        // the CSV: an unknown sum is an empty cell
        String csv = given().get(Q + "district=Lahore&metrics=killed,killedCivilians&unknowns=true&format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals("killed,killedCivilians,killedUnknown,killedCiviliansUnknown\n1,,0,1\n", csv);
    }

    /** Contract "Conventions": periods are strings at every granularity, in JSON and in CSV. */
    @Test
    void periodsAreStringsAtEveryGranularityInJsonAndCsv() {
        Map<String, List<String>> want = Map.of(
                "year", List.of("2020", "2021"),
                "quarter", List.of("2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2021-Q1"),
                "month", List.of("2020-01", "2020-02", "2020-03"),
                "week", List.of("2020-W03", "2020-W04", "2020-W05"));
        want.forEach((g, periods) -> {
            List<Object> json = get("groupBy=" + g).extract().path("rows." + g);
            assertEquals(periods, json.subList(0, periods.size()), g + " periods in JSON");
            json.forEach(p -> assertEquals(String.class, p.getClass(), g + " period " + p + " is a JSON string"));
            String csv = given().get(Q + "groupBy=" + g + "&format=csv")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            List<String> lines = List.of(csv.split("\n"));
            assertEquals(g + ",covered,partial,incidents,killed,injured", lines.get(0));
            for (int i = 0; i < periods.size(); i++) {
                assertEquals(periods.get(i), lines.get(i + 1).split(",")[0], g + " period in CSV line " + (i + 2));
            }
        });
        given().get("/api/v1/trends?dataset=" + DATASET + "&granularity=year&forecast=1")
                .then()
                .statusCode(200)
                .body("periods", contains("2020", "2021"));
    }

    @Test
    void byDistrictKeepsProvinceOnlyIncidentsOutOfEveryDistrict() {
        ValidatableResponse r = get("groupBy=district");
        r.body("rows", hasSize(5)).body("totals.incidents", is(6));
        r.body("rows.find { it.district == 'Bannu' }.incidents", is(2))
                .body("rows.find { it.district == 'Bannu' }.province", equalTo("Khyber Pakhtunkhwa"))
                .body("rows.find { it.district == 'North Waziristan' }.killed", is(5))
                .body("rows.find { it.district == null }.province", equalTo("Khyber Pakhtunkhwa"))
                .body("rows.find { it.district == null }.injured", is(2));
        get("groupBy=province")
                .body("rows.province", contains("Balochistan", "Khyber Pakhtunkhwa", "Punjab"))
                .body("rows.incidents", contains(1, 4, 1))
                .body("rows.killed", contains(10, 8, 1));
    }

    @Test
    void regionSplitsKpMainlandFromTheFormerTribalDistricts() {
        ValidatableResponse r = get("groupBy=region&metrics=incidents,killed");
        r.body("rows.find { it.region == 'KP mainland' }.incidents", is(2))
                .body("rows.find { it.region == 'KP mainland' }.killed", is(3))
                .body("rows.find { it.region == 'Former FATA (tribal districts)' }.killed", is(5))
                .body("rows.find { it.region == 'Khyber Pakhtunkhwa (district unknown)' }.incidents", is(1))
                .body("rows.find { it.region == 'Balochistan' }.incidents", is(1));
        get("region=former-fata").body("totals.incidents", is(1)).body("totals.killed", is(5));
        get("region=non-fata&province=KPK").body("totals.incidents", is(2));
    }

    @Test
    void otherDimensionsAndFilters() {
        get("groupBy=eventType")
                .body("rows.eventType", contains("Attack", "IED", "Suicide bombing"))
                .body("rows.incidents", contains(4, 1, 1));
        get("groupBy=actor")
                .body("rows.actor", contains("BLA", "ISKP", "TTP", null))
                .body("rows.incidents", contains(1, 1, 3, 1));
        get("groupBy=dataset").body("rows[0].dataset", equalTo(DATASET)).body("rows[0].incidents", is(6));
        get("eventType=attack&actor=ttp").body("totals.incidents", is(3));
        get("district=D.I. Khan").body("totals.incidents", is(0)).body("rows[0].incidents", is(0));
        get("province=Baluchistan,Punjab").body("totals.killed", is(11));
        get("from=2020-03-01&to=2020-03-31").body("totals.incidents", is(2));
    }

    @Test
    void aCoarseDateLandsInTheBucketOfItsStoredDateWithAWarning() {
        get("groupBy=week&from=2020-01-27&to=2020-02-09")
                .body("rows.week", contains("2020-W05", "2020-W06"))
                .body("rows.incidents", contains(1, 0))
                .body("warnings[0]", containsString("1 incident(s) are dated less precisely than a week"));
        get("groupBy=month").body("warnings", empty());
    }

    @Test
    void sortLimitAndZeroFillPerGroup() {
        get("groupBy=district&sort=-killed&limit=2")
                .body("rows.district", contains("Quetta", "North Waziristan"))
                .body("totals.killed", is(19));
        get("groupBy=district&sort=district&limit=1").body("rows.district", contains("Bannu"));
        get("groupBy=district,month&district=Bannu,Quetta&from=2020-01-01&to=2020-03-31")
                .body("rows", hasSize(6))
                .body("rows.month", contains("2020-01", "2020-01", "2020-02", "2020-02", "2020-03", "2020-03"))
                .body("rows.district", contains("Bannu", "Quetta", "Bannu", "Quetta", "Bannu", "Quetta"))
                .body("rows.killed", contains(3, 0, 0, 0, 0, 10));
    }

    @Test
    void perCapitaUsesTheCensus() {
        ValidatableResponse r = get("groupBy=province&perCapita=true&metrics=incidents")
                .body("query.perCapitaBasis", is("Census 2023 (Pakistan Bureau of Statistics)"));
        get("groupBy=province&metrics=incidents").body("query.perCapitaBasis", is(nullValue()));
        long kp = ((Number) r.extract().path("rows.find { it.province == 'Khyber Pakhtunkhwa' }.population2023"))
                .longValue();
        float rate = r.extract().path("rows.find { it.province == 'Khyber Pakhtunkhwa' }.incidentsPer100k");
        assertEquals(4 * 100_000.0 / kp, rate, 1e-6);
        assertEquals(40_856_097L, kp);
        get("groupBy=district&perCapita=true&district=Quetta")
                .body("rows[0].population2023", is(notNullValue()))
                .body("rows[0].incidentsPer100k", is(notNullValue()));
        get("perCapita=true").body("warnings[0]", containsString("perCapita needs groupBy"));
    }

    @Test
    void csvHasTheSameColumnsAndRowsAsJson() {
        Map<String, Object> json = given().get(Q + "groupBy=district,month&from=2020-01-01&to=2020-02-29")
                .then()
                .extract()
                .as(Map.class);
        String csv = given().accept("text/csv")
                .get(Q + "groupBy=district,month&from=2020-01-01&to=2020-02-29")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) json.get("columns");
        assertEquals(String.join(",", columns), lines.get(0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("rows");
        assertEquals(rows.size(), lines.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String expected = String.join(
                    ",",
                    columns.stream()
                            .map(c -> row.get(c) == null ? "" : row.get(c).toString())
                            .toList());
            assertEquals(expected, lines.get(i + 1).replace("\"\"", ""));
        }
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        bad("groupBy=year,month", "groupBy");
        bad("groupBy=colour", "groupBy");
        bad("metrics=deaths", "metrics");
        bad("sort=-deaths", "sort");
        bad("limit=0", "limit");
        bad("perCapita=maybe", "perCapita");
        bad("region=north", "region");
        bad("from=yesterday", "from");
        given().get(Q + "district=Banu")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].suggestions", hasItem("Bannu"));
    }

    @Test
    void etagAnswers304UntilTheDataChanges() {
        String tag = given().get(Q + "groupBy=province")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", tag).get(Q + "groupBy=province").then().statusCode(304);
        Api.importCsv(
                        Api.nativeCsv("external_id,date,district,killed", "z1,2020-05-05,Swat,1"),
                        "format=native&dataset=agg-etag")
                .statusCode(201);
        String after = given().header("If-None-Match", tag)
                .get(Q + "groupBy=province")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(tag, after);
        given().header("If-None-Match", after)
                .get(Q + "groupBy=province")
                .then()
                .statusCode(304);
    }

    private static void bad(String query, String field) {
        given().get(Q + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", not(containsString("Exception")));
    }

    private static org.hamcrest.Matcher<Object> notNullValue() {
        return not(nullValue());
    }

    private static ValidatableResponse get(String query) {
        return given().get(Q + query).then().statusCode(200);
    }
}
