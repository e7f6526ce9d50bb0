package org.militrend.aggregate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.militrend.testing.Api;

/**
 * The order of rows whose labels tie: incidents known only to their province (district null) in
 * two provinces, so that each month has two rows alike on every sort key. Without a {@code sort}
 * the rows are ordered by comparing the groups once rather than the rows, and must come out as
 * the general sort of the rows leaves them (a stable sort: the database's rows in its order,
 * then the filled ones in the order their groups were first seen), which {@code sort=month} still
 * runs.
 *
 * <pre>
 * order-ties, complete: Bannu 2020-01; Sindh (no district) 2020-01 and 2020-03;
 *                       Khyber Pakhtunkhwa (no district) 2020-02 and 2020-03
 * </pre>
 */
@QuarkusTest
class AggregateOrderTest {

    private static final String RANGE = "dataset=order-ties&from=2020-01-01&to=2020-04-30";

    @BeforeEach
    void load() {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,killed",
                                "t1,2020-01-05,KPK,Bannu,1",
                                "t2,2020-01-09,Sindh,,2",
                                "t3,2020-02-11,KPK,,3",
                                "t4,2020-03-02,KPK,,4",
                                "t5,2020-03-20,Sindh,,5"),
                        "format=native&dataset=order-ties&complete=true&coverageFrom=2020-01-01&coverageTo=2020-04-30")
                .statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"district,month", "month,district"})
    void rowsAlikeOnEverySortKeyKeepTheGeneralSortsOrder(String groupBy) {
        String query = "/api/v1/aggregates?" + RANGE + "&groupBy=" + groupBy + "&metrics=incidents,killed";
        JsonPath unsorted = given().get(query).then().statusCode(200).extract().jsonPath();
        JsonPath sorted = given().get(query + "&sort=month")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        // per month: Bannu, then the two province rows; Sindh's group was seen first (2020-01), the
        // database gives 2020-03 Khyber Pakhtunkhwa first (its province code sorts first), a
        // month's row from the database precedes a filled one
        given().get(query)
                .then()
                .body(
                        "rows.district",
                        contains("Bannu", null, null, "Bannu", null, null, "Bannu", null, null, "Bannu", null, null))
                .body(
                        "rows.province",
                        contains(
                                "Khyber Pakhtunkhwa",
                                "Sindh",
                                "Khyber Pakhtunkhwa",
                                "Khyber Pakhtunkhwa",
                                "Khyber Pakhtunkhwa",
                                "Sindh",
                                "Khyber Pakhtunkhwa",
                                "Khyber Pakhtunkhwa",
                                "Sindh",
                                "Khyber Pakhtunkhwa",
                                "Sindh",
                                "Khyber Pakhtunkhwa"))
                .body("rows.killed", contains(1, 2, 0, 0, 3, 0, 0, 4, 5, 0, 0, 0));
        List<Object> rows = unsorted.getList("rows");
        assertEquals(sorted.getList("rows"), rows);
    }
}
