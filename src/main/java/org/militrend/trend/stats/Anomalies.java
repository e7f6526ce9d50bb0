package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags periods whose observed count is improbable under a fitted count model.
 *
 * <p>Test: for each period, the two-sided tail probability {@code p_t = min(1, 2 min(P(Y ≤ y_t),
 * P(Y ≥ y_t)))} with Y ~ Poisson(μ̂_t), or Y ~ NB2(μ̂_t, θ̂) when a finite θ̂ is given (the series
 * is overdispersed; a Poisson test would then flag far too many periods). The p-values of all
 * periods are adjusted with Benjamini–Hochberg; a period is an anomaly when its adjusted p-value is
 * below {@value #ALPHA}. The fitted mean includes the period's own count (the usual residual
 * analysis; it makes the test slightly conservative).
 */
public final class Anomalies {
    public static final double ALPHA = 0.05;

    private Anomalies() {}

    /**
     * @param counts observed counts
     * @param expected fitted means μ̂ (all &gt; 0), same length
     * @param theta NB2 θ, or null for Poisson
     * @return flagged periods in time order
     */
    public static List<Anomaly> detect(double[] counts, double[] expected, Double theta) {
        double[] y = Checks.counts(counts);
        Checks.notNull("expected", expected);
        if (expected.length != y.length) {
            throw new IllegalArgumentException("expected has a different length than counts");
        }
        for (int i = 0; i < expected.length; i++) {
            Checks.positive("expected[" + i + "]", expected[i]);
        }
        if (theta != null) {
            Checks.positive("theta", theta);
        }
        int n = y.length;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = CountDistributions.twoSidedP((long) y[i], expected[i], theta);
        }
        double[] adj = BenjaminiHochberg.adjust(p);
        List<Anomaly> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (adj[i] < ALPHA) {
                out.add(new Anomaly(
                        i, null, (long) y[i], expected[i], p[i], adj[i], y[i] > expected[i] ? "high" : "low"));
            }
        }
        return List.copyOf(out);
    }
}
