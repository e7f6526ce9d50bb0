package org.militrend.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The district map's crosswalk, as the service serves it to the page: every district of the
 * gazetteer (GET /api/v1/districts) is drawn in exactly one unit of the 2017 map, and every unit
 * of the map stands for at least one district.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapCrosswalkTest {

    /** Duplicate keys would let a district silently map to two units; the parser refuses them. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonNode crosswalk;
    private Map<String, String> unitNames;
    private List<String> gazetteer;
    private int locations;

    @BeforeEach
    void load() throws Exception {
        if (crosswalk != null) {
            return;
        }
        crosswalk = STRICT.readTree(given().get("/map/crosswalk.json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode map = STRICT.readTree(given().get("/map/pakistan-districts.json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        locations = map.get("locations").size();
        unitNames = new HashMap<>();
        map.get("locations")
                .forEach(l -> unitNames.put(l.get("id").asText(), l.get("name").asText()));
        gazetteer = given().get("/api/v1/districts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("code");
    }

    @Test
    void theMapHasItsPublished144UnitsWithDistinctIds() {
        assertEquals(144, locations);
        assertEquals(144, unitNames.size());
        assertEquals(160, gazetteer.size());
    }

    @Test
    void everyGazetteerDistrictIsDrawnInExactlyOneExistingUnit() {
        JsonNode districts = crosswalk.get("districts");
        Set<String> listed = new TreeSet<>();
        districts.fieldNames().forEachRemaining(listed::add);
        assertEquals(new TreeSet<>(gazetteer), listed, "the crosswalk lists exactly the gazetteer's districts");
        List<String> unknownUnits = new ArrayList<>();
        districts.fields().forEachRemaining(e -> {
            assertTrue(e.getValue().isTextual(), e.getKey() + " maps to one unit, not " + e.getValue());
            if (!unitNames.containsKey(e.getValue().asText())) {
                unknownUnits.add(e.getKey() + " -> " + e.getValue().asText());
            }
        });
        assertTrue(unknownUnits.isEmpty(), "units not on the map: " + unknownUnits);
    }

    @Test
    void everyMapUnitStandsForAGazetteerDistrict() {
        Set<String> reached = new HashSet<>();
        crosswalk.get("districts").forEach(u -> reached.add(u.asText()));
        crosswalk.get("partOf").fields().forEachRemaining(e -> {
            assertTrue(gazetteer.contains(e.getValue().asText()), e.getKey() + " is part of an unknown district");
            reached.add(e.getKey());
        });
        Set<String> unreached = new TreeSet<>(unitNames.keySet());
        unreached.removeAll(reached);
        assertTrue(unreached.isEmpty(), "map units no district reaches: " + unreached);
        assertTrue(unitNames.keySet().containsAll(reached), "reached units that are not on the map");
    }

    @Test
    void knownSplitsAndMergersAreDrawnWhereTheyCameFrom() {
        JsonNode d = crosswalk.get("districts");
        assertEquals("bannu", d.get("PK-KP-BANNU").asText());
        assertEquals("karachi", d.get("PK-SD-KORANGI").asText());
        assertEquals("karachi", d.get("PK-SD-KARACHI-SOUTH").asText());
        assertEquals("killa-abdullah", d.get("PK-BA-CHAMAN").asText());
        assertEquals("kohistan", d.get("PK-KP-UPPER-KOHISTAN").asText());
        assertEquals("nawabshah", d.get("PK-SD-SHAHEED-BENAZIRABAD").asText());
        assertEquals(
                "PK-KP-BANNU", crosswalk.get("partOf").get("bannu-subdivision").asText());
        assertEquals("Bannu Subdivision", unitNames.get("bannu-subdivision"));
    }
}
