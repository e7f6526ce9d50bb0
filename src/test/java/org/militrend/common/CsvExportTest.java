package org.militrend.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/** The CSV exports neutralize formulas in text cells (OWASP) and leave numbers alone, over real HTTP. */
@QuarkusTest
class CsvExportTest {

    static final String DATASET = "csv-injection";
    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"click\")";
    static final String CALC = "=cmd|' /C calc'!A0";

    @BeforeEach
    void load() {
        Api.importCsv(
                        "external_id,date,district,location,event_type,actor,source,notes,killed,injured\n"
                                + "x1,2016-05-01,Bannu,-2+3,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","
                                + CALC + ",@SUM(1+1),+1+1,4,12\n",
                        "format=native&dataset=" + DATASET)
                .statusCode(201);
    }

    private static List<Map<String, String>> csv(String url) throws Exception {
        String body = given().accept("text/csv")
                .get(url)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(body)).stream()
                .map(CSVRecord::toMap)
                .toList();
    }

    @Test
    void incidentExportQuotesEveryFormula() throws Exception {
        List<Map<String, String>> rows = csv("/api/v1/incidents?dataset=" + DATASET);
        assertEquals(1, rows.size());
        Map<String, String> row = rows.get(0);
        assertEquals("'-2+3", row.get("location"));
        assertEquals("'" + HYPERLINK, row.get("event_type"));
        assertEquals("'" + CALC, row.get("actor"));
        assertEquals("'@SUM(1+1)", row.get("source"));
        assertEquals("'+1+1", row.get("notes"));
        assertEquals("x1", row.get("external_id"));
        assertEquals("2016-05-01", row.get("date"));
        assertEquals("4", row.get("killed"));
        assertEquals("12", row.get("injured"));
        assertEquals(DATASET, row.get("dataset"));
    }

    @Test
    void aggregateExportQuotesEveryFormula() throws Exception {
        List<Map<String, String>> rows = csv(
                "/api/v1/aggregates?groupBy=actor,eventType&metrics=incidents,killed&format=csv&dataset=" + DATASET);
        assertEquals(1, rows.size());
        assertEquals("'" + CALC, rows.get(0).get("actor"));
        assertEquals("'" + HYPERLINK, rows.get(0).get("eventType"));
        assertEquals("1", rows.get(0).get("incidents"));
        assertEquals("4", rows.get(0).get("killed"));
    }

    @Test
    void jsonKeepsTheValuesAsImported() {
        given().get("/api/v1/incidents?dataset=" + DATASET)
                .then()
                .statusCode(200)
                .body("items[0].actor", is(CALC))
                .body("items[0].location", is("-2+3"));
    }
}
