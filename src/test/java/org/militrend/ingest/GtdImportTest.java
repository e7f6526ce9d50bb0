package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/** format=gtd: the GTD's own XLSX (made here with POI) and its CSV export give the same rows. */
@QuarkusTest
class GtdImportTest {

    private static final String CSV = "gtd-pakistan.csv";

    /** The columns the GTD's workbook holds as numbers. */
    private static final Set<String> NUMERIC = Set.of(
            "eventid",
            "iyear",
            "imonth",
            "iday",
            "extended",
            "country",
            "region",
            "latitude",
            "longitude",
            "specificity",
            "crit1",
            "crit2",
            "crit3",
            "doubtterr",
            "multiple",
            "success",
            "suicide",
            "attacktype1",
            "targtype1",
            "weaptype1",
            "nkill",
            "nkillter",
            "nwound",
            "nwoundte",
            "property",
            "ishostkid");

    static byte[] xlsx() {
        return Fixtures.xlsxOf(Fixtures.text(CSV), NUMERIC);
    }

    @Test
    void theCsvExportImportsWithPrecisionsCategoriesAndFlags() {
        Api.importCsv(Fixtures.bytes(CSV), "format=gtd&dataset=gtd-csv")
                .statusCode(201)
                .body("rowsRead", is(6))
                .body("inserted", is(5))
                .body("outOfScope", is(1))
                .body("rejected", is(0));
        Api.importCsv(Fixtures.bytes(CSV), "format=gtd&dataset=gtd-csv")
                .statusCode(201)
                .body("unchanged", is(5));
        expectTheFixtureRows("gtd-csv");
    }

    @Test
    void theXlsxImportsTheSameRowsStreamingAndReimportsUnchanged() {
        Api.editor()
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(xlsx())
                .post("/api/v1/imports?format=gtd&dataset=gtd-xlsx")
                .then()
                .statusCode(201)
                .body("rowsRead", is(6))
                .body("inserted", is(5))
                .body("outOfScope", is(1))
                .body("rejected", is(0));
        Api.editor()
                .multiPart("file", "globalterrorismdb.xlsx", xlsx())
                .post("/api/v1/imports?format=gtd&dataset=gtd-xlsx")
                .then()
                .statusCode(201)
                .body("unchanged", is(5));
        expectTheFixtureRows("gtd-xlsx");
    }

    @Test
    void aDryRunOfTheXlsxWritesNothing() {
        Api.editor()
                .multiPart("file", "globalterrorismdb.xlsx", xlsx())
                .post("/api/v1/imports?format=gtd&dataset=gtd-dry&dryRun=true")
                .then()
                .statusCode(200)
                .body("inserted", is(5))
                .body("preview[0].external_id", equalTo("201403020001"));
        Api.editor().get("/api/v1/incidents?dataset=gtd-dry").then().body("total", is(0));
    }

    private static void expectTheFixtureRows(String dataset) {
        Api.editor()
                .get("/api/v1/incidents?dataset=" + dataset)
                .then()
                .body("total", is(5))
                .body(
                        "items.externalId",
                        equalTo(List.of(
                                "201403020001", "201406000002", "201500000003", "201507140004", "201511200006")))
                // iday 0: month precision; imonth 0: year precision; stored on the period's first day
                .body(
                        "items.date",
                        equalTo(List.of("2014-03-02", "2014-06-01", "2015-01-01", "2015-07-14", "2015-11-20")))
                .body("items.datePrecision", equalTo(List.of("day", "month", "year", "day", "day")))
                .body(
                        "items.category",
                        equalTo(List.of("suicide-attack", "armed-attack", "abduction", "targeted-killing", "bombing")))
                .body("items.killed", equalTo(Arrays.asList(6, 3, 0, 1, null)))
                .body("items.killedMilitants", equalTo(Arrays.asList(1, 0, 0, 0, null)))
                .body("items.injured", equalTo(List.of(12, 5, 0, 0, 4)))
                // Karachi is seven districts: province level; FATA + Miranshah is North Waziristan
                .body(
                        "items.district",
                        equalTo(Arrays.asList("Peshawar", "Quetta", null, "North Waziristan", "Lahore")))
                .body("items[2].province", equalTo("Sindh"))
                .body("items[2].notes", containsString("doubtterr = 1"))
                .body("items[1].notes", containsString("approxdate: June 2014"))
                .body("items[0].actor", equalTo("Tehrik-i-Taliban Pakistan (TTP)"))
                .body("items[0].target", equalTo("Police"))
                .body("items[0].eventType", equalTo("Bombing/Explosion"))
                .body("items[0].latitude", is(34.006004f))
                .body("items[4].killedCivilians", nullValue());
        given().get("/api/v1/incidents?dataset=" + dataset).then().body("total", is(0));
        given().get("/api/v1/aggregates?metrics=incidents,killed,injured&dataset=" + dataset)
                .then()
                .body("totals.incidents", is(5))
                .body("totals.killed", is(10))
                .body("totals.injured", is(21));
    }
}
