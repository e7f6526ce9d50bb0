package org.militrend.aggregate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/** The aggregates of the real Pakistan Body Count file against figures computed from the raw file. */
@QuarkusTest
class AggregatePbcTest {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*$");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+)");

    @BeforeEach
    void load() {
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide").statusCode(201);
    }

    @Test
    void yearlyFiguresEqualTheRawFile() throws IOException {
        Map<Integer, long[]> raw = rawByYear();
        List<Map<String, Object>> rows = given().get("/api/v1/aggregates?dataset=pbc-suicide&groupBy=year")
                .then()
                .statusCode(200)
                .body("totals.killed", is(7299))
                .body("totals.incidents", is(496))
                .extract()
                .path("rows");
        assertEquals(2017 - 1995 + 1, rows.size());
        for (Map<String, Object> row : rows) {
            long[] want = raw.getOrDefault(Integer.valueOf((String) row.get("year")), new long[3]);
            assertEquals(want[0], ((Number) row.get("incidents")).longValue(), "incidents in " + row.get("year"));
            assertEquals(want[1], ((Number) row.get("killed")).longValue(), "killed in " + row.get("year"));
            assertEquals(want[2], ((Number) row.get("injured")).longValue(), "injured in " + row.get("year"));
        }
    }

    @Test
    void monthlyFrom2007To2017Has131ZeroFilledRows() {
        given().get("/api/v1/aggregates?dataset=pbc-suicide&groupBy=month&from=2007-01-01&to=2017-11-30")
                .then()
                .statusCode(200)
                .body("rows", hasSize(131))
                .body("rows[0].month", is("2007-01"))
                .body("rows[130].month", is("2017-11"));
    }

    @Test
    void csvAndJsonAgree() {
        String q = "/api/v1/aggregates?dataset=pbc-suicide&groupBy=province,year&metrics=incidents,killed,injured";
        List<Map<String, Object>> rows = given().get(q).then().extract().path("rows");
        List<String> lines = given().get(q + "&format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList();
        assertEquals("province,provinceCode,year,covered,partial,incidents,killed,injured", lines.get(0));
        assertEquals(rows.size() + 1, lines.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            assertEquals(
                    r.get("province") + "," + r.get("provinceCode") + "," + r.get("year") + "," + r.get("covered") + ","
                            + r.get("partial") + "," + cell(r.get("incidents"))
                            + "," + cell(r.get("killed")) + "," + cell(r.get("injured")),
                    lines.get(i + 1));
        }
    }

    /** An unknown sum (JSON null) is an empty CSV cell. */
    private static String cell(Object jsonValue) {
        return jsonValue == null ? "" : jsonValue.toString();
    }

    @Test
    void provinceRowsCarryRatesAndAddUpToTheTotal() {
        Map<String, Object> body = given().get("/api/v1/aggregates?dataset=pbc-suicide&groupBy=province&perCapita=true")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
        long sum = 0;
        for (Map<String, Object> r : rows) {
            sum += ((Number) r.get("incidents")).longValue();
            if (r.get("population2023") != null) {
                double expected = ((Number) r.get("incidents")).doubleValue()
                        * 1e5
                        / ((Number) r.get("population2023")).doubleValue();
                assertNotNull(r.get("incidentsPer100k"), r.toString());
                assertEquals(expected, ((Number) r.get("incidentsPer100k")).doubleValue(), 1e-9);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) body.get("totals");
        assertEquals(((Number) totals.get("incidents")).longValue(), sum);
        assertEquals(496L, sum);
    }

    /** incidents, killed (Killed Max) and injured (Injured Max, leading number; none = 0) per year. */
    private static Map<Integer, long[]> rawByYear() throws IOException {
        Map<Integer, long[]> out = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(SharedData.pbcFile(), Charset.forName("windows-1252"))) {
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                Matcher y = YEAR.matcher(r.get("Date"));
                if (!y.find()) {
                    throw new AssertionError("no year in " + r.get("Date"));
                }
                long[] v = out.computeIfAbsent(Integer.valueOf(y.group(1)), k -> new long[3]);
                v[0]++;
                v[1] += leading(r.get("Killed Max"));
                v[2] += leading(r.get("Injured Max"));
            }
        }
        return out;
    }

    private static long leading(String cell) {
        Matcher m = LEADING_NUMBER.matcher(cell);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
