package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/**
 * The acceptance of the data-in issue for the real Pakistan Body Count file (Windows-1252, 496
 * rows), imported over HTTP into the real database. Other test classes import the same file into
 * its default dataset in the same database, so this one imports into a dataset of its own, which
 * starts empty.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PbcImportTest {

    private static final String DATASET = "pbc-acceptance";

    @Inject
    EntityManager em;

    @Test
    @Order(1)
    void refusesAnImportWithoutOrWithAWrongToken() {
        given().contentType("text/csv")
                .body(SharedData.pbcBytes())
                .post("/api/v1/imports?format=pbc-suicide&dataset=" + DATASET)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer wrong")
                .contentType("text/csv")
                .body(SharedData.pbcBytes())
                .post("/api/v1/imports?format=pbc-suicide&dataset=" + DATASET)
                .then()
                .statusCode(401);
        assertEquals(0L, count(DATASET));
    }

    @Test
    @Order(2)
    void aDryRunCountsEverythingAndWritesNothing() {
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide&dataset=" + DATASET + "&dryRun=true")
                .statusCode(200)
                .body("dryRun", is(true))
                .body("rowsRead", is(496))
                .body("inserted", is(496))
                .body("rejected", is(0));
        assertEquals(0L, count(DATASET));
    }

    @Test
    @Order(3)
    void importsAll496AttacksWithTheirCaveats() {
        JsonPath report = Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide&dataset=" + DATASET)
                .statusCode(201)
                .body("format", equalTo("pbc-suicide"))
                .body("dataset", equalTo(DATASET))
                .body("charset", equalTo("windows-1252"))
                .body("rowsRead", is(496))
                .body("inserted", is(496))
                .body("updated", is(0))
                .body("unchanged", is(0))
                .body("rejected", is(0))
                .body("errors", empty())
                .body("unresolvedPlaces", empty())
                .extract()
                .jsonPath();
        List<Map<String, Object>> warnings = report.getList("warnings");
        assertWarning(warnings, 459, "Injured Max", "40+");
        assertWarning(warnings, 487, "Injured Max", "100+");
        assertWarning(
                warnings,
                451,
                "Injured Max",
                "http://www.samaa.tv/pakistan/29-Jun-2015/shootout-after-suicide-attack-in-lahore");

        assertEquals(496L, count(DATASET));
        assertEquals(7299L, sum("killed", DATASET));
        // 40+ is stored as 40, 100+ as 100, the URL as unknown
        assertEquals(40, value("injured", attackWithInjuredMax("40+")));
        assertEquals(100, value("injured", attackWithInjuredMax("100+")));
        assertEquals(
                null,
                value(
                        "injured",
                        attackWithInjuredMax(
                                "http://www.samaa.tv/pakistan/29-Jun-2015/shootout-after-suicide-attack-in-lahore")));
    }

    @Test
    @Order(4)
    void storesTheFirstAttackExactly() {
        given().get("/api/v1/incidents?dataset=" + DATASET + "&from=1995-11-19&to=1995-11-19")
                .then()
                .statusCode(200)
                .body("total", is(1))
                .body("items[0].externalId", equalTo("1"))
                .body("items[0].date", equalTo("1995-11-19"))
                .body("items[0].datePrecision", equalTo("day"))
                .body("items[0].province", equalTo("Islamabad Capital Territory"))
                .body("items[0].district", equalTo("Islamabad"))
                .body("items[0].eventType", equalTo("Suicide bombing"))
                .body("items[0].killed", is(15))
                .body("items[0].killedMin", is(14))
                .body("items[0].injured", is(60))
                .body("items[0].injuredMin", equalTo(null))
                .body("items[0].latitude", is(33.718f))
                .body("items[0].location", equalTo("Egyptian Embassy, Islamabad"));
    }

    @Test
    @Order(5)
    void reimportingChangesNothing() {
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide&dataset=" + DATASET)
                .statusCode(201)
                .body("rowsRead", is(496))
                .body("inserted", is(0))
                .body("updated", is(0))
                .body("unchanged", is(496));
        assertEquals(496L, count(DATASET));
    }

    @Test
    @Order(6)
    void theHistoryKeepsEveryReport() {
        int id = given().get("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("state", hasItem("completed"))
                .extract()
                .path("[0].importId");
        given().get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .body("importId", is(id))
                .body("unchanged", is(496))
                .body("warnings.line", hasItem(459));
        given().get("/api/v1/imports/999999").then().statusCode(404).contentType("application/problem+json");
    }

    private static void assertWarning(List<Map<String, Object>> warnings, int line, String column, String value) {
        boolean found = warnings.stream()
                .anyMatch(w -> Integer.valueOf(line).equals(w.get("line"))
                        && column.equals(w.get("column"))
                        && value.equals(w.get("value")));
        if (!found) {
            throw new AssertionError("no warning at line " + line + ", " + column + " = " + value + " in " + warnings);
        }
    }

    /** The S# of the one row of the raw file whose Injured Max cell is exactly {@code cell}. */
    private static String attackWithInjuredMax(String cell) {
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(SharedData.pbcFile(), Charset.forName("windows-1252")))) {
            List<String> ids = parser.stream()
                    .filter(r -> r.get("Injured Max").equals(cell))
                    .map(r -> r.get("S#"))
                    .toList();
            assertEquals(1, ids.size(), cell);
            return ids.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    long count(String dataset) {
        return em.createQuery("select count(i) from Incident i where i.dataset = :d", Long.class)
                .setParameter("d", dataset)
                .getSingleResult();
    }

    @Transactional
    long sum(String column, String dataset) {
        return ((Number)
                        em.createNativeQuery("SELECT COALESCE(SUM(" + column + "), 0) FROM incident WHERE dataset = ?1")
                                .setParameter(1, dataset)
                                .getSingleResult())
                .longValue();
    }

    @Transactional
    Integer value(String column, String externalId) {
        Object v = em.createNativeQuery("SELECT " + column + " FROM incident WHERE dataset = ?2 AND external_id = ?1")
                .setParameter(1, externalId)
                .setParameter(2, DATASET)
                .getSingleResult();
        return v == null ? null : ((Number) v).intValue();
    }
}
