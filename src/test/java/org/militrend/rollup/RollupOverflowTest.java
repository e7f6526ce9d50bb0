package org.militrend.rollup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * The places rollup sums into INTEGER columns: a write that would make one place's month sum
 * past 2,147,483,647 (three incidents of 999,999,999 killed, the largest count a cell may hold)
 * is refused with a 422 that says which dataset, place and month, and stores nothing, both when
 * the import sums a new dataset in memory and when a write recomputes the months it touched.
 */
@QuarkusTest
class RollupOverflowTest {

    private static final String HEADER = "external_id,date,province,district,killed";

    @Test
    void aNewDatasetWhoseMonthWouldSumPastTheIntegerRangeIsRefused() {
        String dataset = "overflow-new";
        Api.importCsv(
                        Api.nativeCsv(
                                HEADER,
                                "o1,2021-03-10,KPK,Bannu,999999999",
                                "o2,2021-03-12,KPK,Bannu,999999999",
                                "o3,2021-03-13,KPK,Bannu,999999999"),
                        "format=native&dataset=" + dataset)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", is("Figures out of range"))
                .body("detail", containsString("'" + dataset + "' (PK-KP-BANNU, 2021-03)"))
                .body("detail", containsString("2,147,483,647"));
        assertHolds(dataset, 0);
    }

    @Test
    void aWriteIntoADatasetWhoseMonthWouldSumPastTheIntegerRangeIsRefused() {
        String dataset = "overflow-touched";
        Api.importCsv(
                        Api.nativeCsv(HEADER, "t1,2021-03-10,KPK,Bannu,999999999", "t2,2021-03-12,KPK,Bannu,999999999"),
                        "format=native&dataset=" + dataset)
                .statusCode(201);
        Api.importCsv(Api.nativeCsv(HEADER, "t3,2021-03-11,KPK,Bannu,999999999"), "format=native&dataset=" + dataset)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("'" + dataset + "' (2021-03 to 2021-03)"));
        assertHolds(dataset, 2);
        Api.editor().get("/api/v1/admin/rollup/check").then().statusCode(200).body("consistent", is(true));
    }

    private static void assertHolds(String dataset, int incidents) {
        given().get("/api/v1/incidents?size=1&dataset=" + dataset)
                .then()
                .statusCode(200)
                .body("total", is(incidents));
    }
}
