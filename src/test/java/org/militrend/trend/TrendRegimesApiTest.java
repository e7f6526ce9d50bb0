package org.militrend.trend;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;
import org.militrend.trend.stats.SegmentReference;

/**
 * The regimes over HTTP: {@code segments} and {@code current} of {@code /api/v1/trends} against R
 * ({@code src/test/r/segments.R}) on the shared reference series and on the bundled PBC file, and
 * the acceptance of issue #13 on the PBC file.
 */
@QuarkusTest
class TrendRegimesApiTest {

    private static void importPbc() {
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide").statusCode(201);
    }

    private static JsonNode get(String query) throws IOException {
        String body = given().get("/api/v1/trends?" + query)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        return RefSeries.JSON.readTree(body);
    }

    private static JsonNode pbc(String metric, String granularity, String forecastFrom) throws IOException {
        importPbc();
        return get("metric=" + metric + "&granularity=" + granularity + "&dataset=pbc-suicide&forecast=6"
                + (forecastFrom == null ? "" : "&forecastFrom=" + forecastFrom));
    }

    static Stream<SegmentReference> sharedSeries() {
        return Stream.of("a_short24", "b_shift120", "d_seasonal60").map(SegmentReference::load);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedSeries")
    void regimesOfTheSharedReferenceSeriesMatchR(SegmentReference ref) throws IOException {
        ref.compareApi(TrendReferenceApiTest.trends(RefSeries.load(ref.name()), false));
    }

    static Stream<Arguments> pbcSeries() {
        return Stream.of("killed", "incidents")
                .flatMap(m -> Stream.of("year", "month").map(g -> Arguments.of(m, g)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("pbcSeries")
    void regimesOfThePbcSeriesMatchR(String metric, String granularity) throws IOException {
        SegmentReference ref = SegmentReference.load("pbc_" + metric + "_" + granularity);
        ref.compareApi(pbc(metric, granularity, null));
    }

    /**
     * Acceptance: with the forecast from the current regime, every forecast period lies below the
     * 2011–2017 mean (the post-2010 fall goes on), and the verdict is never "rising".
     */
    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("pbcSeries")
    void theForecastOfTheCurrentRegimeFollowsThePost2010Fall(String metric, String granularity) throws IOException {
        JsonNode r = pbc(metric, granularity, "current");
        assertEquals("current-segment poisson", r.get("forecastModel").textValue());
        assertEquals("current", r.at("/query/forecastFrom").textValue());
        double sum = 0;
        int n = 0;
        for (int i = 0; i < r.get("periods").size(); i++) {
            String period = r.get("periods").get(i).textValue();
            int year = Integer.parseInt(period.substring(0, 4));
            if (year >= 2011 && year <= 2017) {
                sum += r.get("observed").get(i).doubleValue();
                n++;
            }
        }
        assertEquals(granularity.equals("year") ? 7 : 83, n, "periods of 2011-2017 in the series");
        double mean = sum / n;
        JsonNode forecast = r.get("forecast");
        assertEquals(6, forecast.size());
        assertEquals(r.at("/current/forecast"), forecast, "forecast is the current regime's");
        for (JsonNode f : forecast) {
            assertTrue(
                    f.get("mean").doubleValue() < mean,
                    metric + " " + f.get("period").textValue() + ": " + f.get("mean") + " >= 2011-2017 mean " + mean);
        }
        assertNotEquals("rising", r.at("/current/verdict").textValue());
        assertTrue(r.at("/current/from").textValue().compareTo("2006") >= 0, "current regime starts after the rise");
    }

    /** By default the forecast stays the whole-series model's (the contract's, matching R). */
    @Test
    void theDefaultForecastIsStillTheWholeSeriesOne() throws IOException {
        JsonNode r = pbc("killed", "year", null);
        assertEquals("poisson", r.get("forecastModel").textValue());
        assertEquals("whole", r.at("/query/forecastFrom").textValue());
        // the whole-series trend rises (×exp(b) a year); the current regime's forecast falls
        JsonNode forecast = r.get("forecast");
        assertTrue(forecast.get(5).get("mean").doubleValue()
                > forecast.get(0).get("mean").doubleValue());
        JsonNode current = r.at("/current/forecast");
        assertTrue(current.get(5).get("mean").doubleValue()
                < current.get(0).get("mean").doubleValue());
        // rate ratio per year beside the contract's per-12: on years, exp(b) and exp(12 b)
        double b = r.at("/poisson/slope").doubleValue();
        assertEquals(Math.exp(b), r.at("/poisson/rateRatioPerYear/estimate").doubleValue(), 1e-12 * Math.exp(b));
        assertEquals(
                Math.exp(12 * b), r.at("/poisson/rateRatioPer12/estimate").doubleValue(), 1e-12 * Math.exp(12 * b));
    }

    /** A series without a change: one segment, and the current regime is the whole-series model. */
    @Test
    void aSeriesWithoutChangeIsOneSegmentWithTheSameNumbersAsTheWholeSeries() throws IOException {
        RefSeries s = RefSeries.load("a_short24");
        JsonNode r = TrendReferenceApiTest.trends(s, false);
        assertEquals(1, r.get("segments").size());
        assertEquals("2021-07", r.at("/current/from").textValue());
        assertEquals("2023-06", r.at("/current/to").textValue());
        assertEquals(r.get("poisson"), r.at("/current/poisson"), "current.poisson is the whole-series poisson");
        assertEquals(r.get("negativeBinomial"), r.at("/current/negativeBinomial"));
        assertEquals(r.get("forecast"), r.at("/current/forecast"));
        assertEquals(r.at("/poisson/fitted"), r.at("/segments/0/fitted"));
        // monthly: the rate ratio per year is the rate ratio per 12
        assertEquals(r.at("/poisson/rateRatioPer12"), r.at("/poisson/rateRatioPerYear"));
    }
}
