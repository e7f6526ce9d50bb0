package org.militrend.trend.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg false-discovery-rate adjustment, identical to R's {@code p.adjust(p, method =
 * "BH")}: with the p-values sorted decreasingly, {@code p_adj(i) = min(1, min_{j ≥ i} (m / j)
 * p_(j))} where j is the ascending rank, i.e. a cumulative minimum of {@code m/j · p_(j)} from the
 * largest p downwards; then restored to input order.
 *
 * <p>Source: Benjamini &amp; Hochberg (1995) JRSS B 57:289; R {@code stats::p.adjust}.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {}

    /**
     * @param p p-values in [0, 1] (no NaN)
     * @return adjusted p-values in input order
     */
    public static double[] adjust(double[] p) {
        if (p == null) {
            throw new NullPointerException("p");
        }
        int m = p.length;
        for (int i = 0; i < m; i++) {
            Checks.probability("p[" + i + "]", p[i]);
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        // decreasing p, ties in input order (R's order(p, decreasing = TRUE) is stable)
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        double[] out = new double[m];
        double running = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            int rank = m - k; // ascending rank of the k-th largest
            double v = (double) m / rank * p[order[k]];
            running = Math.min(running, v);
            out[order[k]] = Math.min(1, running);
        }
        return out;
    }
}
