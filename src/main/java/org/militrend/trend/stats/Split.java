package org.militrend.trend.stats;

/**
 * A change point accepted by {@link Segmentation}: Pettitt's test on the segment {@code
 * segmentFirst..segmentLast} was significant and the series splits before {@code firstIndexAfter}.
 *
 * @param order 1 for the first split made, 2 for the next, ...
 * @param segmentFirst first index of the segment that was tested
 * @param segmentLast last index of the segment that was tested
 * @param firstIndexAfter index (in the whole series) of the first period of the new regime
 * @param k Pettitt's K on the tested segment
 * @param pValue Pettitt's approximate p-value on the tested segment
 */
public record Split(int order, int segmentFirst, int segmentLast, int firstIndexAfter, double k, double pValue) {
    public Split {
        if (order < 1 || firstIndexAfter <= segmentFirst || firstIndexAfter > segmentLast) {
            throw new IllegalArgumentException("inconsistent split");
        }
        Checks.positive("k", k);
        Checks.probability("pValue", pValue);
    }
}
