package org.militrend.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/** The incidents API over real HTTP: filters, paging, CSV, edits, auth and errors. */
@QuarkusTest
class IncidentApiTest {

    private static final String DATASET = "api-test";

    @BeforeEach
    void load() {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,event_type,actor,killed,injured,notes",
                                "i1,2021-01-10,KPK,Bannu,Attack,TTP,3,4,",
                                "i2,2021-02-11,KPK,DI Khan,Attack,TTP,1,,",
                                "i3,2021-02-12,Balochistan,Quetta,Suicide bombing,BLA,7,20,",
                                "i4,2021-03-01,KPK,,Attack,,2,2,province only",
                                "i5,2021-03-05,Punjab,Lahore,Suicide bombing,TTP,0,1,\"<script>alert(1)</script>\""),
                        "format=native&dataset=" + DATASET)
                .statusCode(201);
    }

    @Test
    void filtersByPlaceAliasDateTypeAndActor() {
        list("province=Khyber Pakhtunkhwa").body("total", is(3));
        list("province=PK-KP").body("total", is(3));
        list("district=D.I. Khan").body("total", is(1)).body("items[0].externalId", equalTo("i2"));
        list("district=Bannu,Quetta").body("total", is(2));
        list("district=Bannu&district=Quetta").body("total", is(2));
        list("from=2021-02-01&to=2021-02-28").body("total", is(2));
        list("eventType=suicide bombing").body("total", is(2));
        list("actor=TTP&province=KPK").body("total", is(2));
        list("province=KPK&district=Bannu").body("total", is(1));
    }

    @Test
    void aProvinceOnlyIncidentHasNoDistrict() {
        list("province=KPK&from=2021-03-01&to=2021-03-01")
                .body("items[0].district", equalTo(null))
                .body("items[0].locationPrecision", equalTo("province"))
                .body("items[0].province", equalTo("Khyber Pakhtunkhwa"));
    }

    @Test
    void pagesInDateOrder() {
        list("page=0&size=2").body("items", hasSize(2)).body("total", is(5)).body("items[0].externalId", equalTo("i1"));
        list("page=2&size=2").body("items", hasSize(1)).body("items[0].externalId", equalTo("i5"));
        given().get("/api/v1/incidents?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void csvHasTheNativeColumnsAndTheSameRows() {
        String csv = given().accept("text/csv")
                .get("/api/v1/incidents?dataset=" + DATASET)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\n");
        org.junit.jupiter.api.Assertions.assertEquals(6, lines.length, csv);
        org.junit.jupiter.api.Assertions.assertTrue(lines[0].startsWith(String.join(",", NativeColumns.CONTRACT)));
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].startsWith("i1,2021-01-10,day,Khyber Pakhtunkhwa,Bannu,"));
        given().get("/api/v1/incidents?format=csv&dataset=" + DATASET + "&page=0&size=1")
                .then()
                .body(containsString("i1,"))
                .body(org.hamcrest.Matchers.not(containsString("i2,")));
        // the export imports again unchanged
        Api.importCsv(csv, "format=native&dataset=" + DATASET).statusCode(201).body("unchanged", is(5));
    }

    @Test
    void unknownPlacesAndBadDatesAreProblems() {
        given().get("/api/v1/incidents?district=Atlantis")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("district"))
                .body("errors[0].value", equalTo("Atlantis"));
        given().get("/api/v1/incidents?district=Banu")
                .then()
                .statusCode(400)
                .body("errors[0].suggestions", hasItem("Bannu"));
        given().get("/api/v1/incidents?from=2021-13-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().get("/api/v1/incidents?from=2021-05-01&to=2021-01-01").then().statusCode(400);
        given().get("/api/v1/incidents/987654321").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void editsNeedTheTokenAndTheCurrentVersion() {
        Map<String, Object> body = Map.of(
                "date",
                "2024-05-06",
                "district",
                "Khyber",
                "killed",
                4,
                "injured",
                10,
                "dataset",
                "api-edit",
                "externalId",
                "e1",
                "notes",
                "two attackers");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(401);
        int id = Api.editor()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/incidents/"))
                .body("province", equalTo("Khyber Pakhtunkhwa"))
                .body("district", equalTo("Khyber"))
                .body("version", is(0))
                .extract()
                .path("id");
        Api.editor()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(409);

        Map<String, Object> update = new HashMap<>(body);
        update.put("killed", 5);
        update.put("version", 0);
        Api.editor()
                .contentType(ContentType.JSON)
                .body(update)
                .put("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("killed", is(5))
                .body("version", is(1));
        // a second writer with the old version loses
        Api.editor()
                .contentType(ContentType.JSON)
                .body(update)
                .put("/api/v1/incidents/" + id)
                .then()
                .statusCode(409);

        Map<String, Object> bad = new HashMap<>(body);
        bad.put("killed", -1);
        bad.put("externalId", "e2");
        Api.editor()
                .contentType(ContentType.JSON)
                .body(bad)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("killed"));
        bad.put("killed", 1);
        bad.put("district", "Gotham");
        Api.editor()
                .contentType(ContentType.JSON)
                .body(bad)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("district"));

        given().delete("/api/v1/incidents/" + id).then().statusCode(401);
        Api.editor().delete("/api/v1/incidents/" + id).then().statusCode(204);
        given().get("/api/v1/incidents/" + id).then().statusCode(404);
    }

    @Test
    void notesAreReturnedAsDataNotMarkup() {
        list("district=Lahore").body("items[0].notes", equalTo("<script>alert(1)</script>"));
    }

    private static io.restassured.response.ValidatableResponse list(String query) {
        return given().get("/api/v1/incidents?dataset=" + DATASET + "&" + query)
                .then()
                .statusCode(200);
    }
}
