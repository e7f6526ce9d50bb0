package org.militrend.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/** GET/PUT /datasets: every dataset describes itself, with its format's defaults and what imports declare. */
@QuarkusTest
class DatasetsApiTest {

    private static final String NATIVE =
            "external_id,date,district,killed\n" + "d1,2021-02-10,Bannu,1\n" + "d2,2021-04-03,Quetta,2\n";

    @Test
    void aNativeDatasetIsIncompleteAndOpenWithCoverageFromItsEvents() {
        Api.importCsv(NATIVE, "format=native&dataset=ds-native").statusCode(201);
        given().get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("name", hasItems("ds-native"))
                .body("find { it.name == 'ds-native' }", hasKey("title"))
                .body("find { it.name == 'ds-native' }", hasKey("citation"))
                .body("find { it.name == 'ds-native' }", hasKey("licence"))
                .body("find { it.name == 'ds-native' }", hasKey("url"))
                .body("find { it.name == 'ds-native' }", hasKey("scope"))
                .body("find { it.name == 'ds-native' }", hasKey("releases"))
                .body("find { it.name == 'ds-native' }.format", equalTo("native"))
                .body("find { it.name == 'ds-native' }.complete", is(false))
                .body("find { it.name == 'ds-native' }.rawAccess", equalTo("open"))
                .body("find { it.name == 'ds-native' }.incidents", is(2))
                .body("find { it.name == 'ds-native' }.coverage.from", equalTo("2021-02-01"))
                .body("find { it.name == 'ds-native' }.coverage.to", equalTo("2021-04-30"))
                .body("find { it.name == 'ds-native' }.lastImport", notNullValue());
    }

    @Test
    void importParametersDeclareCompletenessCoverageAndRelease() {
        Api.importCsv(
                        NATIVE,
                        "format=native&dataset=ds-declared&complete=true&coverageFrom=2021-01-01"
                                + "&coverageTo=2021-12-31&release=2022-01")
                .statusCode(201);
        given().get("/api/v1/datasets/ds-declared")
                .then()
                .statusCode(200)
                .body("complete", is(true))
                .body("coverage.from", equalTo("2021-01-01"))
                .body("coverage.to", equalTo("2021-12-31"))
                .body("releases", equalTo(List.of("2022-01")));
        Api.importCsv(NATIVE, "format=native&dataset=ds-declared&complete=maybe")
                .statusCode(400)
                .body("errors[0].field", equalTo("complete"));
    }

    @Test
    void putChangesTheDescriptionForEditorsOnly() {
        Api.importCsv(NATIVE, "format=native&dataset=ds-put").statusCode(201);
        String body = "{\"title\": \"Field reports, KP and Balochistan\", \"scope\": \"Attacks on police\","
                + " \"coverage\": {\"from\": \"2021-01-01\", \"to\": \"2021-06-30\"}, \"complete\": true,"
                + " \"rawAccess\": \"editors\"}";
        given().contentType("application/json")
                .body(body)
                .put("/api/v1/datasets/ds-put")
                .then()
                .statusCode(401);
        Api.editor()
                .contentType("application/json")
                .body(body)
                .put("/api/v1/datasets/ds-put")
                .then()
                .statusCode(200)
                .body("title", equalTo("Field reports, KP and Balochistan"))
                .body("scope", equalTo("Attacks on police"))
                .body("coverage.to", equalTo("2021-06-30"))
                .body("complete", is(true))
                .body("rawAccess", equalTo("editors"))
                .body("licence", nullValue());
        // now editors-only: gone from an anonymous incident list, still in aggregates
        given().get("/api/v1/incidents?dataset=ds-put").then().body("total", is(0));
        given().get("/api/v1/aggregates?dataset=ds-put&metrics=incidents")
                .then()
                .body("totals.incidents", is(2));
        Api.editor()
                .contentType("application/json")
                .body("{\"rawAccess\": \"friends\"}")
                .put("/api/v1/datasets/ds-put")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("rawAccess"));
        Api.editor()
                .contentType("application/json")
                .body("{\"title\": \"x\"}")
                .put("/api/v1/datasets/no-such-dataset")
                .then()
                .statusCode(404);
    }
}
