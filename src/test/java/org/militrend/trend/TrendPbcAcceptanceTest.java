package org.militrend.trend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/** The acceptance of the trends issue on the real Pakistan Body Count suicide-attack file. */
@QuarkusTest
class TrendPbcAcceptanceTest {

    private static void importPbc() {
        // idempotent: another test class may have imported it into the same application already
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide").statusCode(201);
    }

    @Test
    void suicideAttacksFellSignificantlyFrom2007To2017WithAChangePoint() {
        importPbc();
        String body = given().get("/api/v1/trends?metric=incidents&from=2007-01-01&to=2017-12-31&dataset=pbc-suicide")
                .then()
                .statusCode(200)
                .body("periods[0]", equalTo("2007-01"))
                // PBC's coverage ends with its last event's month: December 2017 is no observed zero
                .body("periods[130]", equalTo("2017-11"))
                .body("uncoveredPeriods", equalTo(List.of("2017-12")))
                .extract()
                .asString();
        assertFalse(body.contains("NaN"), "NaN in the JSON");
        JsonPath r = Json.of(body);
        assertEquals(131, r.getList("observed").size());
        assertEquals("2017-12", r.getString("forecast[0].period"), "the forecast starts after the last covered month");
        assertTrue(r.getDouble("poisson.slope") < 0, "Poisson slope");
        assertTrue(r.getDouble("poisson.rateRatioPer12.estimate") < 1);
        assertTrue(r.getDouble("poisson.rateRatioPer12.ci95[1]") < 1, "rate ratio CI upper bound");
        assertTrue(r.getDouble("mannKendall.pValue") < 0.05, "Mann-Kendall p");
        assertTrue(r.getDouble("mannKendall.tau") < 0, "Kendall's tau");
        assertNotNull(r.get("changePoint"), "change point");
        assertTrue(r.getDouble("changePoint.pValue") < 0.05, "Pettitt p");
        assertTrue(r.getDouble("changePoint.meanAfter") < r.getDouble("changePoint.meanBefore"));
        assertEquals(6, r.getList("forecast").size());
        assertEquals("pbc-suicide", r.getString("attribution[0].dataset"));
        // the counts are overdispersed: the NB fit exists and is less sure than the Poisson one
        assertNotNull(r.get("negativeBinomial"));
        assertTrue(r.getDouble("negativeBinomial.slopeStdErr") > r.getDouble("poisson.slopeStdErr"));
    }

    @Test
    void hotspotsRankDistrictsWithAdjustedPValuesAndListSparseOnesApart() {
        importPbc();
        JsonPath r = Json.of(given().get("/api/v1/hotspots?metric=killed&dataset=pbc-suicide")
                .then()
                .statusCode(200)
                .body("query.metric", equalTo("killed")));
        List<Map<String, Object>> ranked = r.getList("ranked");
        List<Map<String, Object>> insufficient = r.getList("insufficient");
        assertTrue(ranked.size() >= 5, "ranked districts: " + ranked.size());
        assertFalse(insufficient.isEmpty(), "no insufficient district");
        double previous = Double.POSITIVE_INFINITY;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ranked.size(); i++) {
            String at = "ranked[" + i + "].";
            assertEquals(i + 1, r.getInt(at + "rank"));
            double rr = r.getDouble(at + "rateRatioPer12.estimate");
            assertTrue(rr <= previous, "ranked by rate ratio, descending");
            previous = rr;
            double p = r.getDouble(at + "pValue");
            double adjusted = r.getDouble(at + "adjustedPValue");
            assertTrue(p >= 0 && p <= 1 && adjusted >= p && adjusted <= 1, "adjusted " + adjusted + " raw " + p);
            boolean rising = r.getBoolean(at + "rising");
            boolean falling = r.getBoolean(at + "falling");
            assertEquals(adjusted < 0.05 && rr > 1, rising, at + "rising");
            assertEquals(adjusted < 0.05 && rr < 1, falling, at + "falling");
            assertTrue(r.getInt(at + "nonzeroPeriods") >= 3);
            seen.add(r.getString(at + "districtCode"));
        }
        for (int i = 0; i < insufficient.size(); i++) {
            String at = "insufficient[" + i + "].";
            assertNotNull(r.getString(at + "district"));
            assertNotNull(r.getString(at + "reason"));
            assertFalse(seen.contains(r.getString(at + "districtCode")), "listed twice");
        }
    }
}
