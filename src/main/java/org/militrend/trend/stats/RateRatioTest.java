package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-series Poisson trend test for ranking many series (hotspots): the rate ratio per 12 periods
 * {@code exp(12 b_t)} of the Poisson model {@code log μ = offset + a + b_t t}, Wald 95% CI and
 * two-sided Wald p-value {@code 2Φ(-|b_t/se|)}, plain and quasi-Poisson ({@code se·sqrt(max(1,
 * φ))}); across series the quasi-Poisson p-values are adjusted with Benjamini–Hochberg ({@link
 * BenjaminiHochberg}). Not estimable series (all zeros, too short, ...) are reported with the
 * reason and left out of the adjustment.
 */
public final class RateRatioTest {
    private RateRatioTest() {}

    /**
     * @param counts non-negative integer counts, t = 0..n-1
     * @param exposure positive exposure (offset) or null
     */
    public static Outcome<RateRatioTestResult> test(double[] counts, double[] exposure) {
        return test(counts, exposure, null);
    }

    /** With the periods at {@code time} (null: 0..n-1). */
    public static Outcome<RateRatioTestResult> test(double[] counts, double[] exposure, double[] time) {
        Outcome<PoissonTrendResult> fit = PoissonRegression.fit(counts, null, exposure, false, time);
        if (!fit.isEstimable()) {
            return Outcome.notEstimable(fit.reason());
        }
        PoissonTrendResult r = fit.value();
        if (!(r.slopeStdErr() > 0)) {
            return Outcome.notEstimable("rate ratio test: zero standard error");
        }
        double z = r.slope() / r.slopeStdErr();
        double quasiSe = r.slopeStdErr() * Math.sqrt(Math.max(1, r.dispersion()));
        double lower = Math.exp(12 * (r.slope() - Stats.Z975 * quasiSe));
        double upper = Math.exp(12 * (r.slope() + Stats.Z975 * quasiSe));
        RateRatioTestResult.Quasi quasi = new RateRatioTestResult.Quasi(
                quasiSe,
                Stats.twoSidedNormalP(r.slope() / quasiSe),
                Double.isFinite(lower) && Double.isFinite(upper) ? new Interval(lower, upper) : null);
        return Outcome.of(new RateRatioTestResult(
                r.rateRatioPer12().estimate(),
                r.rateRatioPer12().ci95(),
                r.slope(),
                r.slopeStdErr(),
                z,
                Stats.twoSidedNormalP(z),
                r.dispersion(),
                r.n(),
                quasi));
    }

    /**
     * Tests every series and ranks the estimable ones by rate ratio, with BH-adjusted quasi-Poisson
     * p-values.
     *
     * @param counts series by key (all the same length is not required)
     * @param exposure exposure by key, or null / missing key for no offset
     * @param regimes null to judge every series on all its periods; else each series is judged on
     *     its current regime ({@link Segmentation} with this rule's minimum segment length)
     */
    public static HotspotRanking rank(
            Map<String, double[]> counts, Map<String, double[]> exposure, SegmentationRule regimes) {
        return rank(counts, exposure, regimes, null);
    }

    /**
     * As {@link #rank(Map, Map, SegmentationRule)}, every series having its periods at {@code time}
     * (null: 0..n-1): a series with gaps is segmented as the sequence of its periods and fitted at
     * their places in time.
     */
    public static HotspotRanking rank(
            Map<String, double[]> counts, Map<String, double[]> exposure, SegmentationRule regimes, double[] time) {
        Checks.notNull("counts", counts);
        Map<String, HotspotRanking.Unranked> failed = new TreeMap<>();
        List<Tested> ok = new ArrayList<>();
        new TreeMap<>(counts).forEach((key, series) -> {
            double[] y = Checks.counts(series);
            double[] e = exposure == null ? null : exposure.get(key);
            if (y.length == 0) {
                failed.put(key, new HotspotRanking.Unranked(null, "the series is empty"));
                return;
            }
            Segment judged = regimes == null
                    ? wholeSeries(y)
                    : Segmentation.segment(y, regimes.minSegmentPeriods()).current();
            int from = judged.first();
            int to = judged.last() + 1;
            double[] at = Checks.time(time, y.length);
            Outcome<RateRatioTestResult> o = test(
                    Arrays.copyOfRange(y, from, to),
                    e == null ? null : Arrays.copyOfRange(e, from, to),
                    Arrays.copyOfRange(at, from, to));
            if (o.isEstimable()) {
                ok.add(new Tested(key, o.value(), judged));
            } else {
                failed.put(key, new HotspotRanking.Unranked(judged, o.reason()));
            }
        });
        ok.sort(Comparator.comparingDouble((Tested t) -> -t.test().rateRatio()).thenComparing(Tested::key));
        double[] p = ok.stream().mapToDouble(t -> t.test().quasi().pValue()).toArray();
        double[] adj = BenjaminiHochberg.adjust(p);
        List<Hotspot> ranked = new ArrayList<>();
        for (int i = 0; i < ok.size(); i++) {
            Tested t = ok.get(i);
            ranked.add(new Hotspot(t.key(), i + 1, t.test(), adj[i], t.judged()));
        }
        return new HotspotRanking(ranked, failed);
    }

    private record Tested(String key, RateRatioTestResult test, Segment judged) {}

    private static Segment wholeSeries(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        return new Segment(0, y.length - 1, sum / y.length);
    }
}
