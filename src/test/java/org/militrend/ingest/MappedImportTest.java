package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * format=mapped: a newsroom's table of drone strikes, whose columns and dates ("Friday, June 18,
 * 2004") are nothing like the native ones, through an inline and a saved mapping.
 */
@QuarkusTest
class MappedImportTest {

    private static final String TABLE = "drone-strikes-table.csv";
    private static final String MAPPING = "drone-strikes-mapping.json";

    private static ValidatableResponse importInline(String query, String mapping) {
        return Api.editor()
                .multiPart("file", "drones.csv", Fixtures.bytes(TABLE), "text/csv")
                .multiPart("mapping", mapping, "application/json")
                .post("/api/v1/imports?" + query)
                .then();
    }

    @Test
    void anInlineMappingImportsSumsRecodesAndReimportsUnchanged() {
        importInline("format=mapped&dataset=drones-inline", Fixtures.text(MAPPING))
                .statusCode(201)
                .body("rowsRead", is(6))
                .body("inserted", is(6))
                .body("rejected", is(0));
        importInline("format=mapped&dataset=drones-inline", Fixtures.text(MAPPING))
                .statusCode(201)
                .body("unchanged", is(6));
        given().get("/api/v1/incidents?dataset=drones-inline")
                .then()
                .body("total", is(6))
                .body(
                        "items.date",
                        equalTo(List.of(
                                "2004-06-18", "2006-01-13", "2006-10-30", "2009-01-01", "2009-08-05", "2012-05-09")))
                // killed = militants + civilians + unknown; all three blank = unknown
                .body("items.killed", equalTo(Arrays.asList(5, 18, 80, 3, 4, null)))
                .body("items.killedMilitants", equalTo(Arrays.asList(4, null, 80, 3, 2, null)))
                .body(
                        "items.district",
                        equalTo(List.of(
                                "South Waziristan",
                                "Bajaur",
                                "Bajaur",
                                "South Waziristan",
                                "South Waziristan",
                                "North Waziristan")))
                .body(
                        "items.category",
                        equalTo(List.of(
                                "drone-strike",
                                "drone-strike",
                                "drone-strike",
                                "drone-strike",
                                "drone-strike",
                                "drone-strike")))
                .body("items[0].eventType", equalTo("Drone strike"))
                .body("items[0].location", equalTo("Wana"))
                .body("items[0].externalId", equalTo("1"));
        given().get("/api/v1/aggregates?dataset=drones-inline&metrics=incidents,killed,killedCivilians")
                .then()
                .body("totals.incidents", is(6))
                .body("totals.killed", is(110))
                .body("totals.killedCivilians", is(21));
    }

    @Test
    void aSavedMappingIsUsedByName() {
        Api.editor()
                .contentType("application/json")
                .body(Fixtures.text(MAPPING))
                .put("/api/v1/mappings/drone-table")
                .then()
                .statusCode(201)
                .body("columns.killed", hasSize(3))
                .body("dateFormats[0]", equalTo("EEEE, MMMM d, yyyy"));
        given().get("/api/v1/mappings").then().statusCode(200).body("drone-table.columns.date", equalTo("Date"));
        Api.importCsv(Fixtures.bytes(TABLE), "format=mapped&mapping=drone-table&dataset=drones-saved")
                .statusCode(201)
                .body("inserted", is(6));
        Api.importCsv(Fixtures.bytes(TABLE), "format=mapped&mapping=drone-table&dataset=drones-saved")
                .statusCode(201)
                .body("unchanged", is(6));
        given().get("/api/v1/aggregates?dataset=drones-saved&metrics=killed")
                .then()
                .body("totals.killed", is(110));
        given().get("/api/v1/datasets/drones-saved")
                .then()
                .body("complete", is(false))
                .body("format", equalTo("mapped"));
        Api.editor().delete("/api/v1/mappings/drone-table").then().statusCode(204);
        given().get("/api/v1/mappings/drone-table").then().statusCode(404);
        Api.importCsv(Fixtures.bytes(TABLE), "format=mapped&mapping=drone-table&dataset=drones-saved")
                .statusCode(400)
                .body("errors[0].field", equalTo("mapping"));
    }

    @Test
    void aDryRunPreviewsTheRowsAndWritesNothing() {
        importInline("format=mapped&dataset=drones-dry&dryRun=true", Fixtures.text(MAPPING))
                .statusCode(200)
                .body("inserted", is(6))
                .body("preview", hasSize(6))
                .body("preview[0].date", equalTo("2004-06-18"))
                .body("preview[0].killed", is(5))
                .body("preview[0].district", equalTo("PK-KP-SOUTH-WAZIRISTAN"))
                .body("preview[5].district", equalTo("PK-KP-NORTH-WAZIRISTAN"));
        given().get("/api/v1/incidents?dataset=drones-dry").then().body("total", is(0));
    }

    @Test
    void aMappingNamingAMissingColumnIs422NamingIt() {
        String mapping = Fixtures.text(MAPPING).replace("\"Injured\"", "\"Wounded\"");
        importInline("format=mapped&dataset=drones-bad", mapping)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].column", equalTo("Wounded"))
                .body("errors[0].message", containsString("no such column"));
        given().get("/api/v1/incidents?dataset=drones-bad").then().body("total", is(0));
    }

    @Test
    void aBadMappingIs400NamingWhatIsWrong() {
        importInline("format=mapped&dataset=drones-bad", "{\"columns\": {\"date\": \"Date\", \"deaths\": \"X\"}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("mapping"))
                .body("errors[0].value", equalTo("deaths"));
        Api.importCsv(Fixtures.bytes(TABLE), "format=mapped&dataset=drones-bad")
                .statusCode(400)
                .body("errors[0].field", equalTo("mapping"));
        Api.editor()
                .contentType("application/json")
                .body(
                        "{\"columns\": {\"date\": \"Date\", \"district\": \"Agency\"}, \"dateFormats\": [\"d MMMM yyyy {\"]}")
                .put("/api/v1/mappings/broken")
                .then()
                .statusCode(400)
                .body("errors[0].value", equalTo("dateFormats"));
    }
}
