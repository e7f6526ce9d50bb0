package org.militrend.place;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/**
 * Divisions: the gazetteer assigns every district one, a place spanning districts ("Karachi")
 * resolves to its division, and groupBy=division and the division filter count the incidents
 * known only at division level together with those in its districts.
 */
@QuarkusTest
class DivisionApiTest {

    private static final String DATASET = "division-test";

    @Inject
    PlaceResolver resolver;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyDistrictHasADivisionAndKarachiHasItsSeven() {
        List<Map<String, Object>> districts = given().get("/api/v1/districts")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertEquals(160, districts.size());
        for (Map<String, Object> d : districts) {
            assertEquals(
                    ((String) d.get("provinceCode")),
                    ((String) d.get("divisionCode")).substring(0, 5),
                    "division of " + d.get("name") + " lies in its province");
        }
        given().get("/api/v1/divisions")
                .then()
                .statusCode(200)
                .body("$", hasSize(37))
                .body(
                        "find { it.code == 'PK-SD-DIV-KARACHI' }.districts",
                        contains(
                                "Karachi Central",
                                "Karachi East",
                                "Karachi South",
                                "Karachi West",
                                "Keamari",
                                "Korangi",
                                "Malir"))
                // Census 2023: 3,822,325 + 3,921,742 + 2,329,764 + 2,679,380 + Keamari + Korangi + Malir
                .body("find { it.code == 'PK-SD-DIV-KARACHI' }.population2023", is(20382881))
                .body("find { it.code == 'PK-KP-DIV-MALAKAND' }.districtCodes", hasItem("PK-KP-BAJAUR"))
                .body("find { it.code == 'PK-IS-DIV-ISLAMABAD' }.districts", contains("Islamabad"));
        given().get("/api/v1/districts/PK-KP-NORTH-WAZIRISTAN")
                .then()
                .body("division", is("Bannu"))
                .body("divisionCode", is("PK-KP-DIV-BANNU"));
    }

    @Test
    void karachiResolvesToItsDivisionAndADistrictToItsOwn() {
        Resolution karachi = resolver.resolve("Sindh", "Karachi");
        assertNull(karachi.district());
        assertEquals("PK-SD", karachi.province().code());
        assertEquals("PK-SD-DIV-KARACHI", karachi.division().code());
        assertEquals("province", karachi.precision());
        assertEquals(
                "PK-SD-DIV-KARACHI",
                resolver.resolve(null, "karachi division").division().code());
        assertEquals(
                "PK-SD-DIV-KARACHI",
                resolver.resolve(null, "Karachi East").division().code());
        assertEquals(
                "PK-KP-DIV-PESHAWAR",
                resolver.resolve("KPK", "Khyber Agency").division().code());
        assertNull(resolver.resolve("Sindh", null).division());
        given().queryParam("name", "Karachi")
                .get("/api/v1/districts/resolve")
                .then()
                .statusCode(200)
                .body("match", nullValue())
                .body("division.name", is("Karachi"))
                .body("division.provinceName", is("Sindh"));
    }

    @Test
    void thePbcKarachiAttacksComeOutAtDivisionKarachi() {
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide").statusCode(anyOf(is(200), is(201)));
        // Raw file: City 'Karachi' (27) or 'karachi' (2): 29 attacks, Killed Max summing to 401
        // (one blank), Injured Max to 1,456; no other Sindh city of the file lies in Karachi.
        List<Map<String, Object>> rows = given().get(
                        "/api/v1/aggregates?dataset=pbc-suicide&groupBy=division&metrics=incidents,killed,injured")
                .then()
                .statusCode(200)
                .extract()
                .path("rows");
        Map<String, Object> karachi = rows.stream()
                .filter(r -> "PK-SD-DIV-KARACHI".equals(r.get("divisionCode")))
                .findFirst()
                .orElseThrow();
        assertEquals("Karachi", karachi.get("division"));
        assertEquals(29, karachi.get("incidents"));
        assertEquals(401, karachi.get("killed"));
        assertEquals(1456, karachi.get("injured"));
        given().get("/api/v1/aggregates?dataset=pbc-suicide&division=Karachi")
                .then()
                .statusCode(200)
                .body("totals.incidents", is(29))
                .body("totals.killed", is(401))
                .body("query.filters.division", contains("PK-SD-DIV-KARACHI"));
        given().get("/api/v1/incidents?dataset=pbc-suicide&division=karachi&size=5")
                .then()
                .statusCode(200)
                .body("total", is(29))
                .body("items[0].district", nullValue())
                .body("items[0].province", is("Sindh"));
    }

    @Test
    void theDivisionFilterIncludesIncidentsKnownOnlyAtDivisionLevel() {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,event_type,killed,injured",
                                "k1,2016-01-05,Sindh,Karachi,Bombing,4,10",
                                "k2,2016-01-20,Sindh,Karachi East,Armed attack,1,1",
                                "k3,2016-02-11,Sindh,Malir,Armed attack,2,0",
                                "h1,2016-02-12,Sindh,Hyderabad,Bombing,3,5",
                                "s1,2016-03-01,Sindh,,Bombing,7,0"),
                        "format=native&complete=true&dataset=" + DATASET)
                .statusCode(anyOf(is(200), is(201)));
        given().get("/api/v1/aggregates?dataset=" + DATASET + "&groupBy=division&metrics=incidents,killed")
                .then()
                .statusCode(200)
                .body("rows", hasSize(3))
                .body("rows.find { it.divisionCode == 'PK-SD-DIV-KARACHI' }.incidents", is(3))
                .body("rows.find { it.divisionCode == 'PK-SD-DIV-KARACHI' }.killed", is(7))
                .body("rows.find { it.divisionCode == 'PK-SD-DIV-HYDERABAD' }.killed", is(3))
                .body("rows.find { it.divisionCode == null }.killed", is(7));
        given().get("/api/v1/aggregates?dataset=" + DATASET + "&division=Karachi&groupBy=district")
                .then()
                .statusCode(200)
                .body("totals.incidents", is(3))
                .body("totals.killed", is(7))
                .body("rows.find { it.districtCode == null }.killed", is(4))
                .body("rows.find { it.districtCode == 'PK-SD-MALIR' }.killed", is(2));
        given().get("/api/v1/incidents?dataset=" + DATASET + "&division=PK-SD-DIV-KARACHI")
                .then()
                .statusCode(200)
                .body("total", is(3));
        given().get("/api/v1/trends?dataset=" + DATASET + "&division=Karachi&metric=killed&from=2016-01-01"
                        + "&to=2016-03-31&forecast=0")
                .then()
                .statusCode(200)
                .body("observed", contains(5, 2, 0))
                .body("periods", contains("2016-01", "2016-02", "2016-03"));
        given().get("/api/v1/reports/monthly?month=2016-01&dataset=" + DATASET + "&division=Karachi")
                .then()
                .statusCode(200)
                .body("filters.division", contains("PK-SD-DIV-KARACHI"))
                .body("totals.incidents", is(2))
                .body("totals.killed", is(5));
        given().get("/api/v1/aggregates?division=Karachy%20Division")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", is("division"))
                .body("errors[0].suggestions", hasItem("Karachi"));
    }

    @Test
    void aReimportGivesStoredRowsTheirDivision() throws SQLException {
        String csv = Api.nativeCsv(
                "external_id,date,province,district,event_type,killed", "r1,2014-06-08,Sindh,Karachi,Attack,36");
        Api.importCsv(csv, "format=native&dataset=division-reimport").statusCode(anyOf(is(200), is(201)));
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // as a row stored before the gazetteer had divisions
            s.executeUpdate("UPDATE incident SET division_code = NULL WHERE dataset = 'division-reimport'");
        }
        // such rows were in the rollups too, which are built from the stored incidents
        Api.editor().post("/api/v1/admin/rollup/rebuild").then().statusCode(200);
        given().get("/api/v1/aggregates?dataset=division-reimport&division=Karachi")
                .then()
                .body("totals.incidents", is(0));
        Api.importCsv(csv, "format=native&dataset=division-reimport")
                .statusCode(anyOf(is(200), is(201)))
                .body("updated", is(1))
                .body("unchanged", is(0));
        given().get("/api/v1/aggregates?dataset=division-reimport&division=Karachi")
                .then()
                .body("totals.incidents", is(1))
                .body("totals.killed", is(36));
        Api.importCsv(csv, "format=native&dataset=division-reimport")
                .body("updated", is(0))
                .body("unchanged", is(1));
    }
}
