package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one hotspot ranking ({@link RateRatioTest#rank}): quasi-Poisson Wald tests on each series'
 * current regime (or the whole series), Benjamini–Hochberg across series. Figures from R with the
 * functions of {@code src/test/r/segments.R} (glm poisson on the regime, SE at the MLE ×
 * sqrt(max(1, φ))).
 */
@Tag("no-db")
class HotspotRankingTest {

    /** 36 months: 1 → 12 over two years, then back to 0. */
    static double[] riseAndFall() {
        double[] y = new double[36];
        for (int i = 0; i < 36; i++) {
            y[i] = i < 24 ? 1 + i / 2 : 12 - (i - 23);
        }
        return y;
    }

    /** 36 months: 1 to 6 in steps of six months. */
    static double[] steadyRise() {
        double[] y = new double[36];
        for (int i = 0; i < 36; i++) {
            y[i] = 1 + i / 6;
        }
        return y;
    }

    @Test
    void judgesEachSeriesOnItsCurrentRegime() {
        HotspotRanking h = RateRatioTest.rank(
                Map.of("rise-fall", riseAndFall(), "steady", steadyRise(), "flat", new double[36]),
                null,
                SegmentationRule.MONTH);
        assertEquals(
                List.of("steady", "rise-fall"),
                h.ranked().stream().map(Hotspot::key).toList());
        Hotspot steady = h.ranked().get(0);
        assertEquals(new Segment(18, 35, 5), steady.judged());
        assertEquals(1.4310033962308528, steady.test().rateRatio(), 1e-9 * 1.43);
        assertEquals(0.14447251403131484, steady.test().quasi().pValue(), 1e-9 * 0.144);
        Hotspot riseFall = h.ranked().get(1);
        assertEquals(12, riseFall.judged().first());
        assertEquals(0.59992325804632318, riseFall.test().rateRatio(), 1e-9 * 0.6);
        assertEquals(0.00064208877298849458, riseFall.test().quasi().pValue(), 1e-9 * 6.4e-4);
        // Benjamini–Hochberg over the two ranked series: the smaller p times 2
        assertEquals(2 * 0.00064208877298849458, riseFall.adjustedPValue(), 1e-9 * 1.3e-3);
        assertEquals(0.14447251403131484, steady.adjustedPValue(), 1e-9 * 0.144);
        // an all-zero series has no estimate; it keeps the periods it was judged on
        HotspotRanking.Unranked flat = h.notEstimable().get("flat");
        assertEquals(new Segment(0, 35, 0), flat.judged());
        assertTrue(flat.reason().contains("all counts are zero"), flat.reason());
    }

    @Test
    void theWholeSeriesWhenNoRuleIsGiven() {
        HotspotRanking h = RateRatioTest.rank(Map.of("steady", steadyRise()), null, null);
        Hotspot steady = h.ranked().get(0);
        assertEquals(new Segment(0, 35, 3.5), steady.judged());
        assertEquals(1.79289, steady.test().rateRatio(), 1e-5);
        assertEquals(1.35339e-07, steady.test().quasi().pValue(), 1e-11);
        // one series: nothing to adjust
        assertEquals(steady.test().quasi().pValue(), steady.adjustedPValue(), 0);
    }

    @Test
    void overdispersionWidensTheTestUnderdispersionDoesNot() {
        double[] spiky = {0, 30, 2, 0, 45, 1, 3, 60, 0, 2, 80, 5, 0, 90, 4, 1, 120, 3};
        RateRatioTestResult r = RateRatioTest.test(spiky, null).value();
        assertTrue(r.dispersion() > 1);
        double se = r.slopeStdErr() * Math.sqrt(r.dispersion());
        assertEquals(se, r.quasi().slopeStdErr(), 0);
        assertEquals(
                Erf.erfc(Math.abs(r.slope() / se) / Math.sqrt(2)), r.quasi().pValue(), 1e-15);
        assertEquals(
                Math.exp(12 * (r.slope() - 1.959963984540054 * se)),
                r.quasi().ci95().lower(),
                1e-12);
        assertTrue(r.quasi().pValue() > r.pValue());
        RateRatioTestResult steady = RateRatioTest.test(steadyRise(), null).value();
        assertTrue(steady.dispersion() < 1);
        assertEquals(steady.slopeStdErr(), steady.quasi().slopeStdErr(), 0);
        assertEquals(steady.pValue(), steady.quasi().pValue(), 0);
    }

    @Test
    void anEmptySeriesIsNotRanked() {
        HotspotRanking h = RateRatioTest.rank(Map.of("empty", new double[0]), null, SegmentationRule.MONTH);
        assertEquals(List.of(), h.ranked());
        assertNull(h.notEstimable().get("empty").judged());
    }
}
