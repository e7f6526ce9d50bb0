package org.militrend.trend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * A hand-built dataset with a known answer, 36 months 2018-01..2020-12: Lahore rising from 1 to 6
 * incidents a month, Multan flat at 2, Faisalabad falling from 6 to 1, Sialkot with 2 incidents in
 * one month (insufficient).
 */
@QuarkusTest
class HotspotApiTest {

    private static void importKnown() {
        StringBuilder csv = new StringBuilder("external_id,date,district,killed,injured\n");
        YearMonth ym = YearMonth.of(2018, 1);
        for (int i = 0; i < 36; i++, ym = ym.plusMonths(1)) {
            row(csv, "Lahore", ym, 1 + i / 6);
            row(csv, "Multan", ym, 2);
            row(csv, "Faisalabad", ym, 6 - i / 6);
        }
        row(csv, "Sialkot", YearMonth.of(2019, 5), 2);
        Api.importCsv(csv.toString(), "format=native&dataset=hot-known&complete=true")
                .statusCode(201);
    }

    private static void row(StringBuilder csv, String district, YearMonth ym, int count) {
        for (int j = 0; j < count; j++) {
            csv.append(district)
                    .append('-')
                    .append(ym)
                    .append('-')
                    .append(j)
                    .append(',')
                    .append(ym)
                    .append("-15,")
                    .append(district)
                    .append(",1,0\n");
        }
    }

    /** regime=whole: each district judged on the whole range (the ranking before regimes). */
    @Test
    void ranksRisingFlatFallingAndListsTheSparseDistrictApart() {
        importKnown();
        JsonPath r = Json.of(given().get("/api/v1/hotspots?metric=incidents&dataset=hot-known&regime=whole")
                .then()
                .statusCode(200)
                .body("query.regime", equalTo("whole"))
                .body("ranked.currentFrom", equalTo(List.of("2018-01", "2018-01", "2018-01")))
                .body("query.by", equalTo("district"))
                .body("query.periods", is(36))
                .body("ranked", hasSize(3))
                .body("ranked.district", equalTo(List.of("Lahore", "Multan", "Faisalabad")))
                .body("ranked.rank", equalTo(List.of(1, 2, 3)))
                .body("ranked.rising", equalTo(List.of(true, false, false)))
                .body("ranked.falling", equalTo(List.of(false, false, true)))
                .body("ranked[0].province", equalTo("Punjab"))
                .body("insufficient", hasSize(1))
                .body("insufficient[0].district", equalTo("Sialkot"))
                .body("insufficient[0].total", is(2))
                .body("insufficient[0].reason", containsString("nonzero"))
                .body("attribution[0].dataset", equalTo("hot-known")));
        // Lahore: 6 × (1 + ... + 6) = 126 incidents; last 12 months at 5 and 6
        assertEquals(126, r.getLong("ranked[0].total"));
        assertEquals(5.5, r.getDouble("ranked[0].recentMean"), 1e-12);
        assertEquals("2020-12", r.getString("ranked[0].lastPeriod"));
        assertEquals(6, r.getLong("ranked[0].lastPeriodCount"));
        long population = r.getLong("ranked[0].population2023");
        assertEquals(126 * 100_000.0 / population, r.getDouble("ranked[0].per100k"), 1e-9);
        // Multan: constant, rate ratio 1, nothing to adjust towards significance
        assertEquals(1.0, r.getDouble("ranked[1].rateRatioPer12.estimate"), 1e-9);
        assertTrue(r.getDouble("ranked[1].adjustedPValue") > 0.9);
        assertEquals(2.0, r.getDouble("ranked[1].recentMean"), 1e-12);
        // rates per 12 months: 1 → 6 over three years is roughly ×1.8 a year, and its mirror image
        double up = r.getDouble("ranked[0].rateRatioPer12.estimate");
        double down = r.getDouble("ranked[2].rateRatioPer12.estimate");
        assertTrue(up > 1.5 && up < 2.5, "Lahore rate ratio " + up);
        assertEquals(1 / up, down, 1e-6 * up, "Faisalabad is Lahore reversed");
        for (int i = 0; i < 3; i++) {
            double lo = r.getDouble("ranked[" + i + "].rateRatioPer12.ci95[0]");
            double hi = r.getDouble("ranked[" + i + "].rateRatioPer12.ci95[1]");
            double est = r.getDouble("ranked[" + i + "].rateRatioPer12.estimate");
            assertTrue(lo < est && est < hi, "CI around the estimate");
            assertTrue(r.getDouble("ranked[" + i + "].adjustedPValue") >= r.getDouble("ranked[" + i + "].pValue"));
        }
        assertTrue(r.getDouble("ranked[0].adjustedPValue") < 1e-6);
    }

    /**
     * By default each district is judged on its current regime. Pettitt splits the steady rise and
     * fall of Lahore and Faisalabad in the middle (2019-07), and 18 months of 4-6 (3-1) incidents are
     * not enough for a significant trend; R (src/test/r/segments.R's functions) gives the figures.
     */
    @Test
    void judgesEachDistrictOnItsCurrentRegime() {
        importKnown();
        JsonPath r = Json.of(given().get("/api/v1/hotspots?metric=incidents&dataset=hot-known")
                .then()
                .statusCode(200)
                .body("query.regime", equalTo("current"))
                .body("ranked.district", equalTo(List.of("Lahore", "Multan", "Faisalabad")))
                .body("ranked.currentFrom", equalTo(List.of("2019-07", "2018-01", "2019-07")))
                .body("ranked.currentPeriods", equalTo(List.of(18, 36, 18)))
                .body("ranked.rising", equalTo(List.of(false, false, false)))
                .body("ranked.falling", equalTo(List.of(false, false, false))));
        assertEquals(1.4310033962308528, r.getDouble("ranked[0].rateRatioPer12.estimate"), 1e-9);
        assertEquals(0.14447251403131484, r.getDouble("ranked[0].pValue"), 1e-9 * 0.1445);
        assertEquals(0.39866601596415463, r.getDouble("ranked[2].rateRatioPer12.estimate"), 1e-9);
        assertEquals(0.022765520727447228, r.getDouble("ranked[2].pValue"), 1e-9 * 0.0228);
        // Benjamini–Hochberg over three: the smallest p times 3
        assertEquals(3 * 0.022765520727447228, r.getDouble("ranked[2].adjustedPValue"), 1e-9 * 0.0683);
        // the whole-range figures stay beside them
        assertEquals(126, r.getLong("ranked[0].total"));
    }

    /**
     * Rawalpindi rises from 1 to 12 incidents a month over two years and falls back to 0 in the
     * third: over the whole range a non-significant rise, in its current regime (since 2019-01) a
     * significant fall.
     */
    @Test
    void aRiseAndFallIsFallingInItsCurrentRegime() {
        StringBuilder csv = new StringBuilder("external_id,date,district,killed,injured\n");
        YearMonth ym = YearMonth.of(2018, 1);
        for (int i = 0; i < 36; i++, ym = ym.plusMonths(1)) {
            row(csv, "Rawalpindi", ym, i < 24 ? 1 + i / 2 : 12 - (i - 23));
            row(csv, "Multan", ym, 2);
        }
        Api.importCsv(csv.toString(), "format=native&dataset=hot-regime&complete=true")
                .statusCode(201);
        JsonPath current = Json.of(given().get("/api/v1/hotspots?metric=incidents&dataset=hot-regime")
                .then()
                .statusCode(200)
                .body("ranked.district", equalTo(List.of("Multan", "Rawalpindi")))
                .body("ranked[1].currentFrom", equalTo("2019-01"))
                .body("ranked[1].currentPeriods", is(24))
                .body("ranked[1].falling", is(true))
                .body("ranked[1].rising", is(false)));
        assertEquals(0.59992325804632318, current.getDouble("ranked[1].rateRatioPer12.estimate"), 1e-9);
        assertEquals(0.00064208877298849458, current.getDouble("ranked[1].pValue"), 1e-9 * 6.4e-4);
        JsonPath whole = Json.of(given().get("/api/v1/hotspots?metric=incidents&dataset=hot-regime&regime=whole")
                .then()
                .statusCode(200)
                .body("ranked.district", equalTo(List.of("Rawalpindi", "Multan")))
                .body("ranked[0].currentFrom", equalTo("2018-01"))
                .body("ranked[0].falling", is(false))
                .body("ranked[0].rising", is(false)));
        assertEquals(1.15395, whole.getDouble("ranked[0].rateRatioPer12.estimate"), 1e-5);
    }

    @Test
    void byProvinceAddsUpTheDistricts() {
        importKnown();
        given().get("/api/v1/hotspots?dataset=hot-known&by=province&granularity=quarter")
                .then()
                .statusCode(200)
                .body("query.periods", is(12))
                .body("ranked", hasSize(1))
                .body("ranked[0].province", equalTo("Punjab"))
                .body("ranked[0].provinceCode", equalTo("PK-PB"))
                .body("ranked[0].district", equalTo(null))
                .body("ranked[0].total", is(126 + 72 + 126 + 2))
                .body("insufficient", empty());
    }

    @Test
    void noDataIsAnEmptyRankingWithAWarning() {
        given().get("/api/v1/hotspots?dataset=hot-none")
                .then()
                .statusCode(200)
                .body("ranked", empty())
                .body("insufficient", empty())
                .body("warnings[0]", containsString("no incidents"));
    }
}
