package org.militrend.trend.stats;

/**
 * Sen's slope (API section {@code sensSlope}).
 *
 * @param slope median of all pairwise slopes {@code (y_j - y_i)/(j - i)}, i &lt; j
 * @param ci95 95% interval from the sorted slopes at ranks round((N-C)/2) and round((N+C)/2 + 1),
 *     {@code C = z₀.₉₇₅ √Var(S)}; null when a rank falls outside 1..N (series too short)
 * @param pairs number of pairwise slopes N
 */
public record SensSlopeResult(double slope, Interval ci95, int pairs) {
    public SensSlopeResult {
        Checks.finite("slope", slope);
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be >= 1");
        }
    }
}
