package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * The incident CSV export quotes formula-like text (OWASP's rule); importing that export again
 * as native CSV restores the text exactly, so the rows come back unchanged, not updated. A native
 * file is read as such an export: {@code ''=x} in a cell is the text {@code '=x}.
 */
@QuarkusTest
class ExportReimportTest {

    @Test
    void anExportedFileReimportsUnchanged() {
        String csv = Api.nativeCsv(
                "external_id,date,province,district,actor,target,notes",
                "rt1,2016-04-01,KPK,Bannu,@admin,-police,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
                "rt2,2016-04-02,KPK,Bannu,''=already quoted,'plain,+1+1");
        Api.importCsv(csv, "format=native&dataset=roundtrip").statusCode(201).body("inserted", is(2));
        given().get("/api/v1/incidents?dataset=roundtrip").then().body("items[1].actor", equalTo("'=already quoted"));
        String exported = given().get("/api/v1/incidents?dataset=roundtrip&format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(exported.contains("'=HYPERLINK("), exported);
        assertTrue(exported.contains("''=already quoted"), exported);
        assertTrue(exported.contains(",'@admin,'-police,"), exported);
        assertTrue(exported.contains(",'plain,") && exported.contains(",'+1+1,"), exported);
        Api.importCsv(exported, "format=native&dataset=roundtrip")
                .statusCode(201)
                .body("unchanged", is(2))
                .body("updated", is(0))
                .body("inserted", is(0));
        given().get("/api/v1/incidents?dataset=roundtrip")
                .then()
                .body("items[0].actor", equalTo("@admin"))
                .body("items[0].target", equalTo("-police"))
                .body("items[0].notes", equalTo("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .body("items[1].actor", equalTo("'=already quoted"))
                .body("items[1].target", equalTo("'plain"))
                .body("items[1].notes", equalTo("+1+1"));
    }
}
