package org.militrend.trend.stats;

/**
 * One ranked series (e.g. a district) of a hotspot ranking.
 *
 * @param key the caller's key (district code or name)
 * @param rank 1-based rank (1 = largest rate ratio)
 * @param test the rate-ratio test on the periods judged
 * @param adjustedPValue Benjamini–Hochberg adjusted quasi-Poisson p-value across all ranked series
 * @param judged the periods the test covers: the current regime, or the whole series
 */
public record Hotspot(String key, int rank, RateRatioTestResult test, double adjustedPValue, Segment judged) {
    public Hotspot {
        Checks.notNull("key", key);
        Checks.notNull("test", test);
        Checks.probability("adjustedPValue", adjustedPValue);
        Checks.notNull("judged", judged);
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1");
        }
    }
}
