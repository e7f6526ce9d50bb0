package org.militrend.trend.stats;

/**
 * One ranked series (e.g. a district) of a hotspot ranking.
 *
 * @param key the caller's key (district code or name)
 * @param rank 1-based rank (1 = largest rate ratio)
 * @param test the per-series rate-ratio test
 * @param adjustedPValue Benjamini–Hochberg adjusted Wald p-value across all estimable series
 */
public record Hotspot(String key, int rank, RateRatioTestResult test, double adjustedPValue) {
    public Hotspot {
        Checks.notNull("key", key);
        Checks.notNull("test", test);
        Checks.probability("adjustedPValue", adjustedPValue);
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1");
        }
    }
}
