package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Binary segmentation: edge cases by hand, and invariants over seeded random series. */
@Tag("no-db")
class SegmentationTest {

    private static double[] repeat(double value, int n) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void anEmptySeriesHasNoSegmentAndNoCurrentRegime() {
        Regimes r = Regimes.of(new double[0], null, SegmentationRule.MONTH, 6);
        assertEquals(List.of(), r.segments());
        assertNull(r.current());
        assertEquals(List.of(), r.currentForecast());
    }

    @Test
    void aConstantSeriesIsOneSegmentWithoutSplit() {
        Segmentation.Result r = Segmentation.segment(repeat(3, 40), 12);
        assertEquals(List.of(new Segment(0, 39, 3)), r.segments());
        assertEquals(List.of(), r.splits());
    }

    @Test
    void aSeriesShorterThanTwoMinimumSegmentsIsNotTested() {
        // 23 months: a perfect step, but no split can leave 12 months on both sides
        double[] y = concat(repeat(0, 11), repeat(9, 12));
        assertEquals(1, Segmentation.segment(y, 12).segments().size());
        // 24 months: the same step is split after month 12
        double[] z = concat(repeat(0, 12), repeat(9, 12));
        Segmentation.Result r = Segmentation.segment(z, 12);
        assertEquals(List.of(new Segment(0, 11, 0), new Segment(12, 23, 9)), r.segments());
        // Pettitt on the step: ranks 6.5 and 18.5, U_12 = 2 * 12 * 6.5 - 12 * 25 = -144, p = 2 exp(-6 K² / (n³ + n²))
        assertEquals(144, r.splits().get(0).k());
        assertEquals(
                2 * Math.exp(-6.0 * 144 * 144 / (24.0 * 24 * 24 + 24 * 24)),
                r.splits().get(0).pValue(),
                1e-15);
    }

    @Test
    void aSignificantChangeTooCloseToAnEndLeavesTheSegmentWhole() {
        // the change is 10 periods before the end: Pettitt finds it (K = 35 * 10), but 10 < 12 months
        double[] y = concat(repeat(1, 35), repeat(30, 10));
        ChangePointResult pettitt = NonParametricTrend.pettitt(y).value();
        assertEquals(35, pettitt.changeIndex());
        assertEquals(350, pettitt.k());
        assertTrue(pettitt.pValue() < 0.001);
        assertEquals(
                List.of(new Segment(0, 44, (35 + 300) / 45.0)),
                Segmentation.segment(y, 12).segments());
        // with a minimum of 5 the same series splits there
        assertEquals(2, Segmentation.segment(y, 5).segments().size());
    }

    @Test
    void atMostFourChangePointsTheMostSignificantFirst() {
        // a staircase of six steps of 12: five real changes, only four are kept
        double[] y =
                concat(repeat(0, 12), repeat(5, 12), repeat(10, 12), repeat(15, 12), repeat(20, 12), repeat(25, 12));
        Segmentation.Result r = Segmentation.segment(y, 12);
        assertEquals(Segmentation.MAX_CHANGE_POINTS, r.splits().size());
        assertEquals(5, r.segments().size());
        // the middle first (the whole series is the most significant test), then the halves
        assertEquals(36, r.splits().get(0).firstIndexAfter());
        assertEquals(0, r.splits().get(0).segmentFirst());
        for (int i = 1; i < r.splits().size(); i++) {
            assertEquals(i + 1, r.splits().get(i).order());
        }
    }

    @Test
    void theCurrentRegimeOfAStepUpIsFittedAloneAndForecastFromItsEnd() {
        double[] y = concat(repeat(2, 24), new double[] {9, 11, 10, 9, 12, 10, 11, 9, 10, 11, 10, 12});
        Regimes r = Regimes.of(y, null, SegmentationRule.MONTH, 3);
        assertEquals(2, r.segments().size());
        RegimeFit current = r.current();
        assertEquals(24, current.segment().first());
        assertEquals(12, current.poisson().n());
        // 124 events in 12 months around a flat level: intercept near log(10.33), no clear change
        assertEquals(Verdict.NO_CLEAR_CHANGE, current.verdict());
        assertEquals(
                List.of(36, 37, 38),
                r.currentForecast().stream().map(ForecastPoint::index).toList());
        assertTrue(Math.abs(r.currentForecast().get(0).mean() - 124 / 12.0) < 2);
        // the first regime is constant at 2: its slope is zero and its verdict no clear change
        assertEquals(0, r.segments().get(0).poisson().slope(), 1e-12);
    }

    @Test
    void anAllZeroCurrentRegimeHasNoTrendButKeepsItsPlace() {
        double[] y = concat(repeat(8, 24), repeat(0, 24));
        Regimes r = Regimes.of(y, null, SegmentationRule.MONTH, 6);
        RegimeFit current = r.current();
        assertEquals(new Segment(24, 47, 0), current.segment());
        assertNull(current.poisson());
        assertNull(current.rateRatioPerYear());
        assertEquals(Verdict.NO_CLEAR_CHANGE, current.verdict());
        assertTrue(current.reason().contains("all counts are zero"), current.reason());
        assertEquals(List.of(), r.currentForecast());
    }

    @Test
    void rulesPerGranularity() {
        assertEquals(12, SegmentationRule.MONTH.minSegmentPeriods());
        assertEquals(8, SegmentationRule.QUARTER.minSegmentPeriods());
        assertEquals(5, SegmentationRule.YEAR.minSegmentPeriods());
        assertEquals(52, SegmentationRule.WEEK.minSegmentPeriods());
        assertEquals(20871 / 400.0, SegmentationRule.WEEK.periodsPerYear(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new SegmentationRule(1, 12));
        assertThrows(IllegalArgumentException.class, () -> Segmentation.segment(new double[] {1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> Segmentation.segment(new double[] {1, -2}, 2));
    }

    @Test
    void theRateRatioPerYearOfAWeeklySlope() {
        RateRatio rr = RateRatio.over(SegmentationRule.WEEK.periodsPerYear(), 0.01, 0.002)
                .value();
        assertEquals(Math.exp(0.01 * 52.1775), rr.estimate(), 1e-12);
        assertEquals(
                Math.exp(52.1775 * (0.01 - 1.959963984540054 * 0.002)),
                rr.ci95().lower(),
                1e-12);
        // a huge standard error: the bounds leave the doubles, no rate ratio
        assertTrue(!RateRatio.over(52.1775, 0.01, 1e3).isEstimable());
    }

    static Stream<Long> seeds() {
        return LongStream.range(20261130L, 20261170L).boxed();
    }

    /** Any series: the segments tile it in order, each at least the minimum long, at most 5 of them. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void segmentsTileTheSeries(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(200);
        int min = 2 + random.nextInt(15);
        MersenneTwister rng = new MersenneTwister(seed);
        double[] y = new double[n];
        double rate = 0.5 + random.nextDouble() * 10;
        for (int i = 0; i < n; i++) {
            if (random.nextInt(30) == 0) {
                rate = 0.5 + random.nextDouble() * 10; // a regime change
            }
            y[i] = new PoissonDistribution(rng, rate, 1e-12, 10_000).sample();
        }
        Segmentation.Result r = Segmentation.segment(y, min);
        assertTrue(r.segments().size() >= 1 && r.segments().size() <= Segmentation.MAX_CHANGE_POINTS + 1);
        assertEquals(r.segments().size() - 1, r.splits().size());
        int next = 0;
        for (Segment s : r.segments()) {
            assertEquals(next, s.first(), "segments are contiguous");
            assertTrue(r.segments().size() == 1 || s.periods() >= min, "segment shorter than " + min);
            double sum = 0;
            for (int i = s.first(); i <= s.last(); i++) {
                sum += y[i];
            }
            assertEquals(sum / s.periods(), s.mean(), 1e-12);
            next = s.last() + 1;
        }
        assertEquals(n, next, "segments cover the series");
        for (Split split : r.splits()) {
            assertTrue(split.pValue() < Segmentation.ALPHA);
            assertTrue(r.segments().stream().anyMatch(s -> s.first() == split.firstIndexAfter()));
        }
    }
}
