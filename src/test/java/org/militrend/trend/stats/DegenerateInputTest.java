package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Degenerate series: null sections and warnings, never NaN, never an exception. */
@Tag("no-db")
class DegenerateInputTest {
    static final YearMonth START = YearMonth.of(2021, 7);

    private static TrendResult analyze(long[] y, boolean seasonal) {
        TrendResult r = TrendAnalysis.analyze(y, START, null, seasonal, 6);
        FiniteScan.assertAllFinite(r);
        return r;
    }

    private static boolean warns(TrendResult r, String fragment) {
        return r.warnings().stream().anyMatch(w -> w.contains(fragment));
    }

    @Test
    void allZeros() {
        TrendResult r = analyze(new long[36], true);
        assertNull(r.linear());
        assertNull(r.poisson());
        assertNull(r.poissonSeasonal());
        assertNull(r.negativeBinomial());
        assertNull(r.mannKendall());
        assertNull(r.changePoint());
        assertTrue(r.forecast().isEmpty());
        assertTrue(r.anomalies().isEmpty());
        assertTrue(warns(r, "all counts are zero"), r.warnings().toString());
        assertTrue(warns(r, "no forecast"), r.warnings().toString());
    }

    @Test
    void emptyOneAndTwoPoints() {
        TrendResult empty = analyze(new long[0], false);
        assertTrue(warns(empty, "empty"), empty.warnings().toString());
        assertNull(empty.sensSlope());

        TrendResult one = analyze(new long[] {4}, true);
        assertNull(one.linear());
        assertNull(one.poisson());
        assertNull(one.poissonSeasonal());
        assertNull(one.mannKendall());
        assertNull(one.sensSlope());
        assertNull(one.changePoint());
        assertTrue(warns(one, "at least 3 periods"), one.warnings().toString());

        TrendResult two = analyze(new long[] {4, 7}, false);
        assertNull(two.linear());
        assertNull(two.poisson());
        assertNull(two.mannKendall());
        assertEquals(3.0, two.sensSlope().slope());
        assertNull(two.sensSlope().ci95());
        assertTrue(
                warns(two, "Sen's slope confidence interval undefined"),
                two.warnings().toString());
        assertTrue(two.forecast().isEmpty());
    }

    @Test
    void constantSeries() {
        long[] y = new long[24];
        Arrays.fill(y, 5);
        TrendResult r = analyze(y, true);
        assertNull(r.linear());
        assertTrue(warns(r, "constant"), r.warnings().toString());
        assertNull(r.mannKendall());
        assertNull(r.changePoint());
        // the Poisson MLE exists: rate 5, slope 0, perfect fit
        assertNotNull(r.poisson());
        assertEquals(0.0, r.poisson().slope(), 1e-12);
        assertEquals(Math.log(5), r.poisson().intercept(), 1e-12);
        assertEquals(0.0, r.poisson().deviance(), 1e-10);
        // underdispersed (variance 0 < mean): theta is infinite
        assertNull(r.negativeBinomial());
        assertTrue(warns(r, "theta is infinite"), r.warnings().toString());
        assertEquals(6, r.forecast().size());
        assertTrue(r.anomalies().isEmpty());
    }

    @Test
    void calendarMonthAlwaysZeroInSeasonalModel() {
        // 36 months from 2021-07; every July (indices 0, 12, 24) is zero
        long[] y = new long[36];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 12 == 0 ? 0 : 2 + (i % 5);
        }
        TrendResult r = analyze(y, true);
        assertNull(r.poissonSeasonal());
        assertTrue(warns(r, "[07]"), r.warnings().toString());
        assertTrue(warns(r, "separation"), r.warnings().toString());
        assertNotNull(r.poisson(), "the trend model is still estimable");
        assertEquals("poisson", r.forecastModel());
        assertEquals(6, r.forecast().size());

        Outcome<PoissonTrendResult> direct = PoissonRegression.fit(
                Arrays.stream(y).asDoubleStream().toArray(),
                r.periods().stream()
                        .mapToInt(p -> YearMonth.parse(p).getMonthValue())
                        .toArray(),
                null,
                true);
        assertFalse(direct.isEstimable());
    }

    @Test
    void thetaInfiniteForUnderdispersedSeries() {
        long[] y = {5, 5, 6, 5, 4, 5, 6, 5, 5, 4, 6, 5, 5, 5, 6, 4, 5, 6, 5, 5, 6, 5, 6, 6};
        double[] yd = Arrays.stream(y).asDoubleStream().toArray();
        PoissonTrendResult p = PoissonRegression.fit(yd, null, null, false).value();
        assertTrue(NegativeBinomialRegression.overdispersionScore(yd, p.fittedArray()) <= 0);
        TrendResult r = analyze(y, false);
        assertNull(r.negativeBinomial());
        assertTrue(warns(r, "theta is infinite"), r.warnings().toString());
        assertNotNull(r.poisson());
        assertNotNull(r.linear());
    }

    @Test
    void onlyCountInTheLastPeriodHasNoMle() {
        TrendResult r = analyze(new long[] {0, 0, 0, 0, 0, 3}, false);
        assertNull(r.poisson());
        assertTrue(warns(r, "last period"), r.warnings().toString());
        TrendResult first = analyze(new long[] {3, 0, 0, 0, 0, 0}, false);
        assertNull(first.poisson());
        // a single interior positive count does have an MLE
        assertNotNull(analyze(new long[] {0, 0, 3, 0, 0, 0}, false).poisson());
    }

    @Test
    void threePointsExtrapolatedFarHaveNoPredictionIntervalButNoException() {
        // found by the facade property of StatsPropertiesTest: the CI of the mean explodes, count quantiles must not
        // throw
        TrendResult r = TrendAnalysis.analyze(new long[] {0, 1, 2}, START, new double[] {1000, 1007, 1014}, true, 6);
        FiniteScan.assertAllFinite(r);
        assertEquals(6, r.forecast().size());
        for (ForecastPoint p : r.forecast()) {
            assertEquals(p.predictionLower() == null, p.predictionUpper() == null);
        }
    }

    @Test
    void seasonalWithoutCalendarMonths() {
        TrendResult r = TrendAnalysis.analyze(new long[] {1, 2, 3, 4, 2, 3, 5, 4}, (int[]) null, null, true, 2);
        FiniteScan.assertAllFinite(r);
        assertNull(r.poissonSeasonal());
        assertNull(r.periods());
        assertTrue(warns(r, "monthly"), r.warnings().toString());
        assertEquals(2, r.forecast().size());
        assertNull(r.forecast().get(0).period());
    }

    @Test
    void programmerErrorsThrow() {
        assertThrows(NullPointerException.class, () -> TrendAnalysis.analyze((long[]) null, START, null, false, 6));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrendAnalysis.analyze(new long[] {1, -1, 2}, START, null, false, 6));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrendAnalysis.analyze(new double[] {1, 1.5, 2}, START, null, false, 6));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrendAnalysis.analyze(new long[] {1, 2, 3}, START, new double[] {1, 2}, false, 6));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrendAnalysis.analyze(new long[] {1, 2, 3}, new int[] {1, 2, 13}, null, false, 6));
        assertThrows(
                IllegalArgumentException.class,
                () -> TrendAnalysis.analyze(new long[] {1, 2, 3}, START, null, false, -1));
    }

    @Test
    void hotspotsRankAndAdjust() {
        var counts = new HashMap<String, double[]>();
        counts.put("rising", new double[] {1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 17});
        counts.put("flat", new double[] {5, 4, 6, 5, 5, 4, 6, 5, 5, 6, 4, 5, 5, 6, 5, 4});
        counts.put("zeros", new double[16]);
        HotspotRanking h = RateRatioTest.rank(counts, null, null);
        FiniteScan.assertAllFinite(h);
        assertEquals(2, h.ranked().size());
        assertEquals("rising", h.ranked().get(0).key());
        assertEquals(1, h.ranked().get(0).rank());
        assertTrue(h.notEstimable().get("zeros").reason().contains("all counts are zero"));
        double[] raw = h.ranked().stream().mapToDouble(x -> x.test().pValue()).toArray();
        double[] adj = BenjaminiHochberg.adjust(raw);
        for (int i = 0; i < adj.length; i++) {
            assertEquals(adj[i], h.ranked().get(i).adjustedPValue(), 0);
            assertTrue(h.ranked().get(i).adjustedPValue() >= raw[i]);
        }
        RateRatioTestResult rising = h.ranked().get(0).test();
        assertTrue(rising.rateRatio() > 1 && rising.ci95().lower() > 1 && rising.pValue() < 1e-6);
    }

    @Test
    void anomalyFlagsAnOutlierUnderPoisson() {
        // smooth Poisson-like series with one huge spike: the spike is flagged, high, and nothing else
        long[] y = {4, 5, 3, 4, 6, 4, 5, 3, 5, 4, 6, 5, 4, 40, 5, 4, 3, 5, 4, 6, 5, 4, 5, 4};
        double[] yd = Arrays.stream(y).asDoubleStream().toArray();
        PoissonTrendResult p = PoissonRegression.fit(yd, null, null, false).value();
        var flagged = Anomalies.detect(yd, p.fittedArray(), null);
        assertEquals(1, flagged.size(), flagged.toString());
        assertEquals(13, flagged.get(0).index());
        assertEquals("high", flagged.get(0).direction());
        assertTrue(flagged.get(0).adjustedPValue() < 0.05);
        // p-value: 2·P(Y ≥ 40 | μ), computed independently by summing the pmf upper tail
        double mu = p.fittedArray()[13];
        double tail = 0;
        double logPmf = -mu + 40 * Math.log(mu) - org.apache.commons.math3.special.Gamma.logGamma(41);
        for (int k = 40; k < 400; k++) {
            tail += Math.exp(logPmf);
            logPmf += Math.log(mu) - Math.log(k + 1);
        }
        assertEquals(2 * tail, flagged.get(0).pValue(), 1e-12 * 2 * tail);
    }
}
