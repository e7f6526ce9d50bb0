package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-series Poisson trend test for ranking many series (hotspots): the rate ratio per 12 periods
 * {@code exp(12 b_t)} of the Poisson model {@code log μ = offset + a + b_t t}, Wald 95% CI and
 * two-sided Wald p-value {@code 2Φ(-|b_t/se|)}; across series the p-values are adjusted with
 * Benjamini–Hochberg ({@link BenjaminiHochberg}). Not estimable series (all zeros, too short, ...)
 * are reported with the reason and left out of the adjustment.
 */
public final class RateRatioTest {
    private RateRatioTest() {}

    /**
     * @param counts non-negative integer counts, t = 0..n-1
     * @param exposure positive exposure (offset) or null
     */
    public static Outcome<RateRatioTestResult> test(double[] counts, double[] exposure) {
        Outcome<PoissonTrendResult> fit = PoissonRegression.fit(counts, null, exposure, false);
        if (!fit.isEstimable()) {
            return Outcome.notEstimable(fit.reason());
        }
        PoissonTrendResult r = fit.value();
        if (!(r.slopeStdErr() > 0)) {
            return Outcome.notEstimable("rate ratio test: zero standard error");
        }
        double z = r.slope() / r.slopeStdErr();
        return Outcome.of(new RateRatioTestResult(
                r.rateRatioPer12().estimate(),
                r.rateRatioPer12().ci95(),
                r.slope(),
                r.slopeStdErr(),
                z,
                Stats.twoSidedNormalP(z),
                r.dispersion(),
                r.n()));
    }

    /**
     * Tests every series and ranks the estimable ones by rate ratio, with BH-adjusted p-values.
     *
     * @param counts series by key (all the same length is not required)
     * @param exposure exposure by key, or null / missing key for no offset
     */
    public static HotspotRanking rank(Map<String, double[]> counts, Map<String, double[]> exposure) {
        Checks.notNull("counts", counts);
        Map<String, String> failed = new TreeMap<>();
        List<Map.Entry<String, RateRatioTestResult>> ok = new ArrayList<>();
        new TreeMap<>(counts).forEach((key, series) -> {
            Outcome<RateRatioTestResult> o = test(series, exposure == null ? null : exposure.get(key));
            if (o.isEstimable()) {
                ok.add(Map.entry(key, o.value()));
            } else {
                failed.put(key, o.reason());
            }
        });
        ok.sort(Comparator.comparingDouble((Map.Entry<String, RateRatioTestResult> e) ->
                        -e.getValue().rateRatio())
                .thenComparing(Map.Entry::getKey));
        double[] p = ok.stream().mapToDouble(e -> e.getValue().pValue()).toArray();
        double[] adj = BenjaminiHochberg.adjust(p);
        List<Hotspot> ranked = new ArrayList<>();
        for (int i = 0; i < ok.size(); i++) {
            ranked.add(new Hotspot(ok.get(i).getKey(), i + 1, ok.get(i).getValue(), adj[i]));
        }
        return new HotspotRanking(ranked, failed);
    }
}
