package org.militrend.trend.stats;

/**
 * Pettitt change point (API section {@code changePoint}).
 *
 * @param k Pettitt's statistic {@code K = max_k |U_k|} (API field {@code k}; R {@code statistic_K})
 * @param changeIndex number of periods before the change (R's 1-based change index): the first k
 *     with {@code |U_k| = K}
 * @param lastIndexBefore 0-based index of the last period before the shift ({@code changeIndex - 1})
 * @param firstIndexAfter 0-based index of the first period after the shift ({@code changeIndex})
 * @param pValue approximate p-value {@code min(1, 2 exp(-6K²/(n³+n²)))}
 * @param meanBefore mean count of periods 0..lastIndexBefore
 * @param meanAfter mean count of periods firstIndexAfter..n-1
 * @param u signed {@code U} at the change point (negative: upward shift)
 */
public record ChangePointResult(
        double k,
        int changeIndex,
        int lastIndexBefore,
        int firstIndexAfter,
        double pValue,
        double meanBefore,
        double meanAfter,
        double u) {
    public ChangePointResult {
        Checks.positive("k", k);
        Checks.probability("pValue", pValue);
        Checks.finite("meanBefore", meanBefore);
        Checks.finite("meanAfter", meanAfter);
        Checks.finite("u", u);
        if (changeIndex < 1 || lastIndexBefore != changeIndex - 1 || firstIndexAfter != changeIndex) {
            throw new IllegalArgumentException("inconsistent change index");
        }
    }
}
