package org.militrend.trend.stats;

import java.util.Arrays;
import java.util.TreeMap;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Mann–Kendall test, Sen's slope and Pettitt's change-point test, following the R code of the CRAN
 * package {@code trend} 1.1.6 ({@code mk.test(continuity = TRUE)}, {@code sens.slope}, {@code
 * pettitt.test}).
 *
 * <p>Sources: Mann (1945), Kendall (1975) Rank Correlation Methods; Sen (1968) JASA 63:1379;
 * Pettitt (1979) Appl. Statist. 28:126.
 */
public final class NonParametricTrend {
    private NonParametricTrend() {}

    static long mkS(double[] y) {
        long s = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                s += Double.compare(y[j], y[i]) > 0 ? 1 : y[j] == y[i] ? 0 : -1;
            }
        }
        return s;
    }

    /** Tie-corrected Var(S) = [n(n-1)(2n+5) - Σ t(t-1)(2t+5)]/18 over tie groups of y. */
    static double mkVarS(double[] y) {
        int n = y.length;
        double v = (double) n * (n - 1) * (2.0 * n + 5);
        for (long t : tieGroups(y)) {
            v -= (double) t * (t - 1) * (2 * t + 5);
        }
        return v / 18;
    }

    static long[] tieGroups(double[] y) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (double v : y) {
            counts.merge(v, 1L, Long::sum);
        }
        return counts.values().stream()
                .mapToLong(Long::longValue)
                .filter(t -> t > 1)
                .toArray();
    }

    /**
     * Mann–Kendall test. Edge cases: fewer than 3 periods, or Var(S) = 0 (all values tied) → not
     * estimable.
     */
    public static Outcome<MannKendallResult> mannKendall(double[] counts) {
        double[] y = finite(counts);
        int n = y.length;
        if (n < 3) {
            return Outcome.notEstimable("Mann–Kendall test needs at least 3 periods, got " + n);
        }
        double varS = mkVarS(y);
        if (!(varS > 0)) {
            return Outcome.notEstimable("Mann–Kendall test undefined: all values are tied (Var(S) = 0)");
        }
        long s = mkS(y);
        double z = s == 0 ? 0 : Math.signum(s) * (Math.abs(s) - 1) / Math.sqrt(varS);
        double n0 = n * (n - 1) / 2.0;
        double tiePairs = 0;
        for (long t : tieGroups(y)) {
            tiePairs += t * (t - 1) / 2.0;
        }
        double tau = s / Math.sqrt(n0 * (n0 - tiePairs));
        return Outcome.of(new MannKendallResult(s, varS, z, Stats.twoSidedNormalP(z), tau, n));
    }

    /**
     * Sen's slope: median of pairwise slopes; CI from the sorted slopes at 1-based ranks {@code
     * rint((N - C)/2)} and {@code rint((N + C)/2 + 1)}, {@code C = z₀.₉₇₅ √Var(S)} (rint rounds halves
     * to even like R's round). Edge cases: fewer than 2 periods → not estimable; CI null when Var(S)
     * = 0 or a rank falls outside 1..N.
     */
    public static Outcome<SensSlopeResult> sensSlope(double[] counts) {
        return sensSlope(null, counts);
    }

    /**
     * Sen's slope with the periods at {@code time} (null: 0..n-1): the pairwise slopes divide by
     * the true distance in time; the interval's ranks depend only on the values' order.
     */
    public static Outcome<SensSlopeResult> sensSlope(double[] time, double[] counts) {
        double[] y = finite(counts);
        int n = y.length;
        double[] t = Checks.time(time, n);
        if (n < 2) {
            return Outcome.notEstimable("Sen's slope needs at least 2 periods, got " + n);
        }
        int pairs = n * (n - 1) / 2;
        double[] d = new double[pairs];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[k++] = (y[j] - y[i]) / (t[j] - t[i]);
            }
        }
        Arrays.sort(d);
        double median = pairs % 2 == 1 ? d[pairs / 2] : (d[pairs / 2 - 1] + d[pairs / 2]) / 2;
        Interval ci = null;
        double varS = mkVarS(y);
        if (varS > 0) {
            double c = Stats.Z975 * Math.sqrt(varS);
            long lo = (long) Math.rint((pairs - c) / 2);
            long hi = (long) Math.rint((pairs + c) / 2 + 1);
            if (lo >= 1 && hi <= pairs && lo <= hi) {
                ci = new Interval(d[(int) lo - 1], d[(int) hi - 1]);
            }
        }
        return Outcome.of(new SensSlopeResult(median == 0 ? 0 : median, ci, pairs));
    }

    /**
     * Pettitt's test: {@code U_k = 2 Σ_{i≤k} r_i - k(n+1)} with average ranks for ties, {@code K =
     * max|U_k|}, change index the first k reaching K, {@code p = min(1, 2 exp(-6K²/(n³+n²)))}. Edge
     * cases: fewer than 3 periods, or K = 0 (no ranking change, e.g. a constant series) → not
     * estimable.
     */
    public static Outcome<ChangePointResult> pettitt(double[] counts) {
        double[] y = finite(counts);
        int n = y.length;
        if (n < 3) {
            return Outcome.notEstimable("Pettitt test needs at least 3 periods, got " + n);
        }
        double[] r = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(y);
        double sum = 0;
        double best = -1;
        double bestU = 0;
        int bestK = 0;
        for (int k = 1; k <= n; k++) {
            sum += r[k - 1];
            double u = 2 * sum - (double) k * (n + 1);
            if (Math.abs(u) > best) {
                best = Math.abs(u);
                bestU = u;
                bestK = k;
            }
        }
        if (!(best > 0)) {
            return Outcome.notEstimable("Pettitt test: no change point (K = 0, the ranks never shift)");
        }
        double nn = n;
        double p = Math.min(1, 2 * Math.exp(-6 * best * best / (nn * nn * nn + nn * nn)));
        double before = 0;
        double after = 0;
        for (int i = 0; i < n; i++) {
            if (i < bestK) {
                before += y[i];
            } else {
                after += y[i];
            }
        }
        return Outcome.of(
                new ChangePointResult(best, bestK, bestK - 1, bestK, p, before / bestK, after / (n - bestK), bestU));
    }

    private static double[] finite(double[] counts) {
        if (counts == null) {
            throw new NullPointerException("counts");
        }
        for (double c : counts) {
            Checks.finite("count", c);
        }
        return counts.clone();
    }
}
