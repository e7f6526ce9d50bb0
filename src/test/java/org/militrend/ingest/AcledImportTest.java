package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * format=acled: a current export (ISO dates) and an older one ({@code data_id}, dates spelled
 * out, fewer columns); categories from sub-event types; raw rows only for editors.
 */
@QuarkusTest
class AcledImportTest {

    private static final String CURRENT = "acled-pakistan-2024.csv";
    private static final String OLD = "acled-pakistan-2024-old-export.csv";

    @Test
    void bothDateSpellingsImportToTheSameRowsAndReimportUnchanged() {
        Api.importCsv(Fixtures.bytes(CURRENT), "format=acled&dataset=acled-iso")
                .statusCode(201)
                .body("rowsRead", is(6))
                .body("inserted", is(5))
                .body("outOfScope", is(1))
                .body("rejected", is(0));
        Api.importCsv(Fixtures.bytes(OLD), "format=acled&dataset=acled-dmy")
                .statusCode(201)
                .body("inserted", is(5))
                .body("outOfScope", is(1))
                .body("rejected", is(0));
        Api.importCsv(Fixtures.bytes(CURRENT), "format=acled&dataset=acled-iso")
                .statusCode(201)
                .body("unchanged", is(5))
                .body("inserted", is(0));
        Api.importCsv(Fixtures.bytes(OLD), "format=acled&dataset=acled-dmy")
                .statusCode(201)
                .body("unchanged", is(5));
        for (String dataset : new String[] {"acled-iso", "acled-dmy"}) {
            Api.editor()
                    .get("/api/v1/incidents?dataset=" + dataset)
                    .then()
                    .body("total", is(5))
                    .body(
                            "items.date",
                            equalTo(List.of("2024-01-15", "2024-01-20", "2024-02-03", "2024-02-10", "2024-03-02")))
                    .body("items.datePrecision", equalTo(List.of("day", "day", "day", "week", "month")))
                    .body("items.district", equalTo(List.of("Bannu", "North Waziristan", "Quetta", "Kurram", "Kech")))
                    .body(
                            "items.category",
                            equalTo(List.of("suicide-attack", "armed-clash", "bombing", "abduction", "armed-attack")))
                    .body("items.killed", equalTo(List.of(5, 3, 2, 0, 4)))
                    .body("items[0].subEventType", equalTo("Suicide bomb"))
                    .body("items[0].actor", equalTo("TTP: Tehreek-i-Taliban Pakistan"))
                    .body("items[0].actor2", equalTo("Military Forces of Pakistan (2018-)"))
                    .body("items[0].killedCivilians", equalTo(null));
        }
    }

    @Test
    void aNewerRevisionUpdatesARowAndAnOlderOneLeavesIt() {
        String current = Fixtures.text(CURRENT);
        org.junit.jupiter.api.Assertions.assertTrue(current.contains(",5,,1705912345"));
        Api.importCsv(current, "format=acled&dataset=acled-rev").statusCode(201).body("inserted", is(5));
        Api.importCsv(current.replace(",5,,1705912345", ",6,,1705000000"), "format=acled&dataset=acled-rev")
                .statusCode(201)
                .body("updated", is(0))
                .body("unchanged", is(5))
                .body("warnings.find { it.column == 'timestamp' }.line", is(2));
        Api.importCsv(current.replace(",5,,1705912345", ",7,,1706000000"), "format=acled&dataset=acled-rev")
                .statusCode(201)
                .body("updated", is(1))
                .body("unchanged", is(4));
        Api.editor()
                .get("/api/v1/incidents?dataset=acled-rev&district=Bannu")
                .then()
                .body("items[0].killed", is(7))
                .body("items[0].sourceRelease", equalTo("1706000000"));
    }

    @Test
    void aDryRunWritesNothingAndPreviewsTheRows() {
        Api.importCsv(Fixtures.bytes(CURRENT), "format=acled&dataset=acled-dry&dryRun=true")
                .statusCode(200)
                .body("inserted", is(5))
                .body("preview", hasSize(5))
                .body("preview[0].category", equalTo("suicide-attack"))
                .body("preview[0].district", equalTo("PK-KP-BANNU"));
        Api.editor().get("/api/v1/incidents?dataset=acled-dry").then().body("total", is(0));
        given().get("/api/v1/datasets/acled-dry").then().statusCode(404);
    }

    @Test
    void rawRowsAreForEditorsWhileAggregatesAndTheMonthlyReportUseThem() {
        Api.importCsv(Fixtures.bytes(CURRENT), "format=acled&dataset=acled-raw")
                .statusCode(201)
                .body("inserted", is(5));
        given().get("/api/v1/incidents?dataset=acled-raw")
                .then()
                .statusCode(200)
                .body("total", is(0));
        String csv = given().accept("text/csv")
                .get("/api/v1/incidents?dataset=acled-raw")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertEquals(1, csv.strip().lines().count(), csv);
        Api.editor().get("/api/v1/incidents?dataset=acled-raw").then().body("total", is(5));
        long id = Api.editor()
                .get("/api/v1/incidents?dataset=acled-raw&size=1")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        given().get("/api/v1/incidents/" + id).then().statusCode(404);
        Api.editor().get("/api/v1/incidents/" + id).then().statusCode(200).body("dataset", equalTo("acled-raw"));
        given().get("/api/v1/aggregates?dataset=acled-raw&metrics=incidents,killed")
                .then()
                .statusCode(200)
                .body("totals.incidents", is(5))
                .body("totals.killed", is(14));
        // the ACLED "Suicide bomb" counts as a suicide attack in the monthly report
        given().get("/api/v1/reports/monthly?month=2024-01&dataset=acled-raw")
                .then()
                .statusCode(200)
                .body("suicideAttacks.incidents", is(1))
                .body("suicideAttacks.killed", is(5));
        given().get("/api/v1/datasets/acled-raw")
                .then()
                .body("rawAccess", equalTo("editors"))
                .body("complete", is(true))
                .body("coverage.from", equalTo("2024-01-01"))
                .body("coverage.to", equalTo("2024-03-31"));
    }

    @Test
    void categoryFiltersAndGroups() {
        Api.importCsv(Fixtures.bytes(CURRENT), "format=acled&dataset=acled-cat").statusCode(201);
        given().get("/api/v1/aggregates?dataset=acled-cat&groupBy=category&metrics=incidents,killed")
                .then()
                .statusCode(200)
                .body(
                        "rows.category",
                        containsInAnyOrder("abduction", "armed-attack", "armed-clash", "bombing", "suicide-attack"))
                .body("rows.find { it.category == 'armed-clash' }.killed", is(3));
        given().get("/api/v1/aggregates?dataset=acled-cat&category=bombing,suicide-attack&metrics=incidents,killed")
                .then()
                .body("totals.incidents", is(2))
                .body("totals.killed", is(7));
        Api.editor()
                .get("/api/v1/incidents?dataset=acled-cat&category=Suicide attack")
                .then()
                .body("total", is(1))
                .body("items[0].district", equalTo("Bannu"));
        given().get("/api/v1/aggregates?category=bombs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].value", equalTo("bombs"));
    }
}
