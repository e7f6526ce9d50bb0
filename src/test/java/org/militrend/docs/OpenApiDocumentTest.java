package org.militrend.docs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every API operation is described in the OpenAPI document, and every write names the bearer scheme. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndEveryWriteTheEditorToken() {
        Map<String, Object> doc = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) doc.get("paths");
        for (String expected : List.of(
                "/api/v1/incidents",
                "/api/v1/imports",
                "/api/v1/districts",
                "/api/v1/districts/resolve",
                "/api/v1/aggregates",
                "/api/v1/trends",
                "/api/v1/hotspots",
                "/api/v1/reports/monthly")) {
            assertTrue(paths.containsKey(expected), "no " + expected + " in " + paths.keySet());
        }
        List<String> missing = new ArrayList<>();
        List<String> unsecured = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!(op instanceof Map)) {
                return;
            }
            if (op.get("summary") == null || op.get("summary").toString().isBlank()) {
                missing.add(method + " " + path);
            }
            boolean write = List.of("post", "put", "delete", "patch").contains(method);
            if (write
                    && path.startsWith("/api/")
                    && !String.valueOf(op.get("security")).contains("editorToken")) {
                unsecured.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), missing, "operations without a summary");
        assertEquals(List.of(), unsecured, "writes without the editorToken requirement");
        Map<String, Object> schemes =
                (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        assertTrue(schemes.containsKey("editorToken"), String.valueOf(schemes));
    }
}
