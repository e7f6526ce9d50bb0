package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/** format=ucdp-ged: the real UCDP sample as it is, and two hand-written releases of Pakistani events. */
@QuarkusTest
class UcdpGedImportTest {

    private static byte[] sample() throws IOException {
        return Files.readAllBytes(SharedData.data("ucdp/ucdpged-2023-sample.csv"));
    }

    @Test
    void theRealSampleImportsAsItIsAndKurramOldAndNewLandInOneDistrict() throws IOException {
        Api.importCsv(sample(), "format=ucdp-ged&dataset=ged-sample")
                .statusCode(201)
                .body("rowsRead", is(1000))
                .body("inserted", is(34))
                .body("outOfScope", is(966))
                .body("rejected", is(0));
        // every Pakistani event is placed: 31 in a district (Islamabad, whose adm_2 is blank, by its
        // coordinate's name); UCDP's "Karachi district" is the city of seven districts, so its three
        // events stay in Sindh at province level rather than being guessed into one of them, and
        // count in division Karachi
        given().get("/api/v1/incidents?dataset=ged-sample&size=100")
                .then()
                .statusCode(200)
                .body("total", is(34))
                .body("items.provinceCode", everyItem(notNullValue()))
                .body(
                        "items.findAll { it.districtCode == null }.externalId",
                        containsInAnyOrder("55046", "151845", "156368"))
                .body("items.findAll { it.districtCode == null }.provinceCode", everyItem(equalTo("PK-SD")))
                .body("items.findAll { it.districtCode == null }.locationPrecision", everyItem(equalTo("province")))
                .body("items.find { it.externalId == '58293' }.district", equalTo("Islamabad"));
        given().get("/api/v1/aggregates?dataset=ged-sample&division=Karachi")
                .then()
                .statusCode(200)
                .body("totals.incidents", is(3));
        // "Kurram agency" (2007, 2011) and "Kurram district" (2022) are one district
        given().get("/api/v1/incidents?dataset=ged-sample&district=Kurram")
                .then()
                .body("total", is(4))
                .body("items.externalId", containsInAnyOrder("55822", "55870", "58302", "456119"));
        Api.importCsv(sample(), "format=ucdp-ged&dataset=ged-sample")
                .statusCode(201)
                .body("unchanged", is(34))
                .body("inserted", is(0))
                .body("updated", is(0));
    }

    @Test
    void aDryRunOfTheSampleWritesNothing() throws IOException {
        Api.importCsv(sample(), "format=ucdp-ged&dataset=ged-dry&dryRun=true")
                .statusCode(200)
                .body("inserted", is(34))
                .body("outOfScope", is(966))
                .body("preview", hasSize(20));
        given().get("/api/v1/incidents?dataset=ged-dry").then().body("total", is(0));
    }

    @Test
    void countsSplitByTheGovernmentSideAndTheRangeIsKept() {
        Api.importCsv(Fixtures.bytes("ucdp-ged-23.1-pakistan.csv"), "format=ucdp-ged&dataset=ged-rel&release=23.1")
                .statusCode(201)
                .body("rowsRead", is(6))
                .body("inserted", is(5))
                .body("outOfScope", is(1))
                .body("rejected", is(0))
                // event 9100004: low 3 > high 2 is kept, with a warning on row 5 (its cells hold no line break, an
                // earlier one does)
                .body("warnings.findAll { it.column == 'best' }.line", hasItem(5));
        given().get("/api/v1/incidents?dataset=ged-rel&district=Peshawar")
                .then()
                .body("total", is(1))
                .body("items[0].killed", is(101))
                .body("items[0].killedLow", is(101))
                .body("items[0].killedHigh", is(101))
                .body("items[0].killedSecurityForces", is(84))
                .body("items[0].killedMilitants", is(1))
                .body("items[0].killedCivilians", is(16))
                .body("items[0].actor", equalTo("Government of Pakistan"))
                .body("items[0].actor2", equalTo("TTP"))
                .body("items[0].sourceRelease", equalTo("23.1"))
                .body("items[0].notes", containsString("kills scores"));
        // date_prec 3 is the week, where_prec 3 the district; FATA + Kurram agency is Kurram
        given().get("/api/v1/incidents?dataset=ged-rel&district=Kurram")
                .then()
                .body("total", is(2))
                .body("items[0].date", equalTo("2009-06-05"))
                .body("items[0].datePrecision", equalTo("week"))
                .body("items[0].locationPrecision", equalTo("district"));
        // one-sided violence: no government side, so no security or militant split
        given().get("/api/v1/incidents?dataset=ged-rel&category=armed-attack")
                .then()
                .body("total", is(1))
                .body("items[0].externalId", equalTo("9100004"))
                .body("items[0].killedSecurityForces", nullValue())
                .body("items[0].killedCivilians", is(3));
        // where UCDP gives only a province (adm_2 blank, where_prec 4) the event stays at province level
        given().get("/api/v1/incidents?dataset=ged-rel&from=2014-01-01&to=2014-12-31")
                .then()
                .body("total", is(1))
                .body("items[0].district", nullValue())
                .body("items[0].province", equalTo("Khyber Pakhtunkhwa"))
                .body("items[0].locationPrecision", equalTo("province"))
                .body("items[0].datePrecision", equalTo("month"));
    }

    @Test
    void aLaterReleaseOfTheSameIdsIsAnUpdateNotADuplicate() {
        Api.importCsv(Fixtures.bytes("ucdp-ged-23.1-pakistan.csv"), "format=ucdp-ged&dataset=ged-two&release=23.1")
                .statusCode(201)
                .body("inserted", is(5));
        Api.importCsv(Fixtures.bytes("ucdp-ged-24.1-pakistan.csv"), "format=ucdp-ged&dataset=ged-two&release=24.1")
                .statusCode(201)
                .body("inserted", is(1))
                .body("updated", is(5))
                .body("unchanged", is(0));
        Api.importCsv(Fixtures.bytes("ucdp-ged-24.1-pakistan.csv"), "format=ucdp-ged&dataset=ged-two&release=24.1")
                .statusCode(201)
                .body("unchanged", is(6));
        given().get("/api/v1/incidents?dataset=ged-two&district=Peshawar")
                .then()
                .body("total", is(1))
                .body("items[0].killed", is(102))
                .body("items[0].killedLow", is(100))
                .body("items[0].sourceRelease", equalTo("24.1"));
        given().get("/api/v1/datasets/ged-two")
                .then()
                .statusCode(200)
                .body("incidents", is(6))
                .body("releases", containsInAnyOrder("23.1", "24.1"))
                .body("format", equalTo("ucdp-ged"))
                .body("complete", is(true))
                .body("rawAccess", equalTo("open"));
    }
}
