package org.militrend.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/**
 * Trends, hotspots and the monthly report as CSV (format=csv and Accept: text/csv), parsed and
 * checked against their JSON and the raw Pakistan Body Count file; the attribution header; the
 * 406 in our words; excel=true's byte order mark and CRLF.
 */
@QuarkusTest
class CsvEndpointsTest {

    private static final String PBC = "dataset=pbc-suicide";

    @BeforeEach
    void load() {
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide").statusCode(anyOf(is(200), is(201)));
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))
                .getRecords();
    }

    /** The JSON answer with decimals as doubles (RestAssured's default, float, loses digits). */
    private static Map<String, Object> json(String path) {
        return given().get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE))
                .getMap("$");
    }

    private static ExtractableResponse<Response> csv(String path) {
        return given().get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract();
    }

    @Test
    void yearlyTrendAsCsvHasOneRowPerPeriodWithTheJsonsValues() throws IOException {
        String q = "/api/v1/trends?" + PBC + "&metric=killed&granularity=year&forecast=3";
        Map<String, Object> json = json(q);
        ExtractableResponse<Response> r = csv(q + "&format=csv");
        assertTrue(r.header("X-Attribution").contains("Pakistan Body Count"), r.header("X-Attribution"));
        List<CSVRecord> rows = parse(r.asString());
        assertEquals(
                List.of(
                        "period",
                        "observed",
                        "fitted",
                        "anomaly",
                        "forecast",
                        "forecastLower",
                        "forecastUpper",
                        "predictionLower",
                        "predictionUpper"),
                rows.get(0).getParser().getHeaderNames());
        @SuppressWarnings("unchecked")
        List<String> periods = (List<String>) json.get("periods");
        assertEquals(periods.size() + 3, rows.size());
        assertEquals("1995", rows.get(0).get("period"));
        // Raw file: 7,299 killed (Killed Max) in all, 1995 to 2017; 1995 is the embassy attack, 15
        long killed = 0;
        for (int i = 0; i < periods.size(); i++) {
            assertEquals(periods.get(i), rows.get(i).get("period"));
            killed += Long.parseLong(rows.get(i).get("observed"));
        }
        assertEquals(7299, killed);
        assertEquals("15", rows.get(0).get("observed"));
        @SuppressWarnings("unchecked")
        List<Number> fitted = (List<Number>) ((Map<String, Object>) json.get("poisson")).get("fitted");
        assertEquals(fitted.get(5).doubleValue(), Double.parseDouble(rows.get(5).get("fitted")), 1e-9);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> forecast = (List<Map<String, Object>>) json.get("forecast");
        CSVRecord first = rows.get(periods.size());
        assertEquals(forecast.get(0).get("period"), first.get("period"));
        assertEquals("", first.get("observed"));
        assertEquals(
                ((Number) forecast.get(0).get("mean")).doubleValue(), Double.parseDouble(first.get("forecast")), 1e-9);
        assertEquals(
                ((Number) forecast.get(0).get("predictionUpper")).longValue(),
                Long.parseLong(first.get("predictionUpper")));
        // Accept: text/csv gives the same table
        String byAccept = given().accept("text/csv")
                .get(q)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertEquals(r.asString(), byAccept);
    }

    @Test
    void hotspotsAsCsvHaveOneRowPerPlace() throws IOException {
        String q = "/api/v1/hotspots?" + PBC + "&metric=incidents&granularity=year";
        Map<String, Object> json = json(q);
        ExtractableResponse<Response> r = csv(q + "&format=csv");
        assertTrue(r.header("X-Attribution").startsWith("pbc-suicide: "), r.header("X-Attribution"));
        List<CSVRecord> rows = parse(r.asString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ranked = (List<Map<String, Object>>) json.get("ranked");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> insufficient = (List<Map<String, Object>>) json.get("insufficient");
        assertEquals(ranked.size() + insufficient.size(), rows.size());
        assertFalse(ranked.isEmpty());
        CSVRecord top = rows.get(0);
        assertEquals("1", top.get("rank"));
        assertEquals("ranked", top.get("status"));
        assertEquals(ranked.get(0).get("districtCode"), top.get("districtCode"));
        assertEquals(((Number) ranked.get(0).get("total")).longValue(), Long.parseLong(top.get("total")));
        @SuppressWarnings("unchecked")
        Map<String, Object> rr = (Map<String, Object>) ranked.get(0).get("rateRatioPer12");
        assertEquals(((Number) rr.get("estimate")).doubleValue(), Double.parseDouble(top.get("rateRatioPer12")), 1e-9);
        long totalIncidents = 0;
        for (CSVRecord row : rows) {
            totalIncidents += Long.parseLong(row.get("total"));
        }
        // every district with an attack is ranked or insufficient; attacks known only to province
        // level (Karachi's 29 among them) are in no district
        long inDistricts = given()
                .get("/api/v1/aggregates?" + PBC + "&groupBy=district")
                .then()
                .extract()
                .<List<Map<String, Object>>>path("rows")
                .stream()
                .filter(m -> m.get("districtCode") != null)
                .mapToLong(m -> ((Number) m.get("incidents")).longValue())
                .sum();
        assertEquals(inDistricts, totalIncidents);
        assertTrue(rows.stream()
                .anyMatch(row -> row.get("status").equals("insufficient")
                        && !row.get("reason").isEmpty()));
    }

    @Test
    void theMonthlyReportAsCsvIsALongTable() throws IOException {
        String q = "/api/v1/reports/monthly?month=2013-06&" + PBC;
        ExtractableResponse<Response> r = csv(q + "&format=csv");
        assertTrue(r.header("X-Attribution").contains("Pakistan Body Count"), r.header("X-Attribution"));
        List<CSVRecord> rows = parse(r.asString());
        assertEquals(
                List.of("section", "place", "code", "province", "measure", "value"),
                rows.get(0).getParser().getHeaderNames());
        // Raw file, June 2013: 6 attacks (3 in Quetta), 104 killed where known
        assertEquals("6", value(rows, "totals", null, "incidents"));
        assertEquals("104", value(rows, "totals", null, "killed"));
        assertEquals("2013-05", value(rows, "report", null, "previousMonth"));
        assertEquals("3", value(rows, "topDistricts", "Quetta", "incidents"));
        assertEquals(
                "PK-BA-QUETTA",
                rows.stream()
                        .filter(row -> row.get("section").equals("topDistricts")
                                && row.get("place").equals("Quetta"))
                        .findFirst()
                        .orElseThrow()
                        .get("code"));
        // Accept: text/csv, which used to be a framework 406, and format=csv, which used to be JSON
        String byAccept = given().accept("text/csv")
                .get(q)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(r.asString(), byAccept);
    }

    private static String value(List<CSVRecord> rows, String section, String place, String measure) {
        return rows.stream()
                .filter(row -> row.get("section").equals(section)
                        && (place == null || row.get("place").equals(place))
                        && row.get("measure").equals(measure))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + section + "/" + place + "/" + measure))
                .get("value");
    }

    @Test
    void aMediaTypeNotOfferedIsA406ProblemInOurWords() {
        given().accept("application/xml")
                .get("/api/v1/trends?" + PBC)
                .then()
                .statusCode(406)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(406))
                .body("title", is("Not acceptable"))
                .body("detail", containsString("answers application/json, text/csv"))
                .body("detail", containsString("'application/xml'"))
                .body("errors[0].field", is("Accept"));
        given().accept("text/csv")
                .get("/api/v1/datasets")
                .then()
                .statusCode(406)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("answers application/json but"));
        given().accept("image/png")
                .get("/api/v1/reports/monthly?month=2013-06")
                .then()
                .statusCode(406)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("application/json, text/csv"));
    }

    @Test
    void excelAddsAByteOrderMarkAndCrlfAndKeepsTypographicQuotes() throws IOException {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,location,event_type,killed",
                                "e1,2015-03-01,KPK,Peshawar,Peshawar’s Qissa Khwani bazaar,Bombing,3",
                                "e2,2015-04-01,KPK,Peshawar,\"two\nlines\",Bombing,1"),
                        "format=native&complete=true&dataset=excel-test")
                .statusCode(anyOf(is(200), is(201)));
        // a streamed CSV (the incidents export)
        byte[] body = given().get("/api/v1/incidents?dataset=excel-test&format=csv&excel=true")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("X-Attribution", containsString("excel-test"))
                .extract()
                .asByteArray();
        assertExcel(body);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("Peshawar’s Qissa Khwani bazaar"), text);
        assertEquals(2, parse(text).size());
        // a CSV built whole (a trend), and the same without excel: plain LF, no mark
        assertExcel(given().get("/api/v1/trends?dataset=excel-test&format=csv&excel=true")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        byte[] plain = given().get("/api/v1/trends?dataset=excel-test&format=csv")
                .then()
                .extract()
                .asByteArray();
        assertEquals('p', plain[0]);
        assertFalse(new String(plain, StandardCharsets.UTF_8).contains("\r"));
        given().get("/api/v1/districts?format=csv&excel=maybe")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", is("excel"))
                .body("errors[0].value", is("maybe"));
        given().get("/api/v1/districts?format=csv").then().header("X-Attribution", containsString("Census 2023"));
    }

    private static void assertExcel(byte[] body) {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3));
        int lines = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                assertEquals('\r', body[i - 1], "LF without CR at byte " + i);
                lines++;
            }
        }
        assertTrue(lines >= 2, "lines: " + lines);
    }
}
