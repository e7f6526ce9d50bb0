package org.militrend.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.militrend.testing.Api;

/**
 * Both rollups equal a GROUP BY over incidents on their keys after every step of a seeded random sequence of
 * imports, re-imports with changed and duplicate rows, rejected imports, and REST creates,
 * updates (moving rows across months, places and datasets) and deletes, all over real HTTP.
 */
@QuarkusTest
class RollupPropertyTest {

    private static final String[][] PLACES = {
        {"Khyber Pakhtunkhwa", "Bannu"},
        {"Khyber Pakhtunkhwa", "Peshawar"},
        {"Khyber Pakhtunkhwa", ""},
        {"Balochistan", "Quetta"},
        {"Balochistan", ""},
        {"Punjab", "Lahore"},
        {"Sindh", "Karachi Central"}
    };
    private static final String[] TYPES = {"Attack", "Suicide bombing", "Drone strike", "Clash", ""};
    private static final String[] ACTORS = {"TTP", "BLA", "", "Unknown group"};
    private static final RandomNativeRows ROWS =
            new RandomNativeRows(PLACES, TYPES, ACTORS, new String[] {"day", "day", "week", "month", "year"});
    private static final int FIRST_YEAR = 2019;
    private static final int YEARS = 3;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261130, 987654321})
    void rollupEqualsIncidentsAfterEveryStep(long seed) {
        Random random = new Random(seed);
        String[] datasets = {"roll-" + seed + "-a", "roll-" + seed + "-b"};
        for (int step = 0; step < 14; step++) {
            String dataset = datasets[random.nextInt(datasets.length)];
            int action = step < 2 ? 0 : random.nextInt(6);
            String what;
            switch (action) {
                case 0, 1 -> what = importRows(random, dataset);
                case 2 -> what = rejectedImport(random, dataset);
                case 3 -> what = create(random, dataset);
                case 4 -> what = update(random, dataset, datasets);
                default -> what = delete(random, dataset);
            }
            JsonPath check = check();
            String context = "seed " + seed + ", step " + step + " (" + what + "): " + check.prettify();
            assertTrue(check.getBoolean("consistent"), context);
            assertEquals(check.getLong("incidents.stored"), check.getLong("incidents.rollup"), context);
            assertEquals(check.getLong("rows.groups"), check.getLong("rows.rollup"), context);
            assertTrue(check.getLong("incidents.stored") > 0, context);
            // the places-and-months rollup, summed from the full one, equals its own GROUP BY too
            assertTrue(check.getBoolean("places.consistent"), context);
            assertEquals(check.getLong("incidents.stored"), check.getLong("places.incidents.rollup"), context);
            assertEquals(check.getLong("places.rows.groups"), check.getLong("places.rows.rollup"), context);
            assertEquals(0, check.getLong("places.rows.onlyInRollup"), context);
            assertEquals(0, check.getLong("places.rows.onlyInIncidents"), context);
        }
    }

    private static String importRows(Random random, String dataset) {
        StringBuilder csv = new StringBuilder(RandomNativeRows.HEADER).append('\n');
        int rows = 1 + random.nextInt(40);
        for (int i = 0; i < rows; i++) {
            csv.append(row(random, "k" + random.nextInt(60))).append('\n');
        }
        Api.importCsv(csv.toString(), "format=native&dataset=" + dataset).statusCode(201);
        return "import of " + rows + " rows into " + dataset;
    }

    /** A file whose last row is bad: nothing of it may reach incidents or the rollup. */
    private static String rejectedImport(Random random, String dataset) {
        StringBuilder csv = new StringBuilder(RandomNativeRows.HEADER).append('\n');
        int rows = 1 + random.nextInt(20);
        for (int i = 0; i < rows; i++) {
            csv.append(row(random, "k" + random.nextInt(60))).append('\n');
        }
        csv.append("bad,2020-02-30,day,Punjab,Lahore,Attack,TTP,1,,,,\n");
        Api.importCsv(csv.toString(), "format=native&dataset=" + dataset).statusCode(422);
        return "rejected import into " + dataset;
    }

    /** A random native row (shared with {@link NewRowsRollupTest}). */
    static String row(Random random, String key) {
        return ROWS.row(random, key, FIRST_YEAR, YEARS);
    }

    private static Map<String, Object> body(Random random, String dataset) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        Map<String, Object> body = new HashMap<>();
        body.put("dataset", dataset);
        body.put("date", RandomNativeRows.date(random, FIRST_YEAR, YEARS));
        body.put("datePrecision", ROWS.precision(random));
        body.put("province", place[0]);
        body.put("district", place[1]);
        body.put("eventType", TYPES[random.nextInt(TYPES.length)]);
        body.put("actor", ACTORS[random.nextInt(ACTORS.length)]);
        for (String metric :
                List.of("killed", "injured", "killedCivilians", "killedSecurityForces", "killedMilitants")) {
            String c = RandomNativeRows.count(random);
            body.put(metric, c.isEmpty() ? null : Integer.valueOf(c));
        }
        return body;
    }

    private static String create(Random random, String dataset) {
        Api.editor()
                .contentType(ContentType.JSON)
                .body(body(random, dataset))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
        return "create in " + dataset;
    }

    private static String update(Random random, String dataset, String[] datasets) {
        Map<String, Object> one = pick(random, dataset);
        if (one == null) {
            return "no incident to update in " + dataset;
        }
        Map<String, Object> body = body(random, datasets[random.nextInt(datasets.length)]);
        body.put("externalId", one.get("externalId") + "-moved" + random.nextInt(1_000_000));
        body.put("version", one.get("version"));
        Api.editor()
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/incidents/" + one.get("id"))
                .then()
                .statusCode(200);
        return "update of " + one.get("id") + " to " + body;
    }

    private static String delete(Random random, String dataset) {
        Map<String, Object> one = pick(random, dataset);
        if (one == null) {
            return "no incident to delete in " + dataset;
        }
        Api.editor().delete("/api/v1/incidents/" + one.get("id")).then().statusCode(204);
        return "delete of " + one.get("id");
    }

    private static Map<String, Object> pick(Random random, String dataset) {
        List<Map<String, Object>> items = new ArrayList<>(Api.editor()
                .get("/api/v1/incidents?size=500&dataset=" + dataset)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items"));
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }

    private static JsonPath check() {
        return Api.editor()
                .get("/api/v1/admin/rollup/check")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
