package org.militrend.trend.stats;

/**
 * One regime of a series: periods {@code first..last} (0-based, inclusive).
 *
 * @param first index of the first period
 * @param last index of the last period
 * @param mean mean count over the segment
 */
public record Segment(int first, int last, double mean) {
    public Segment {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("segment [" + first + ", " + last + "] is empty or negative");
        }
        Checks.nonNegative("mean", mean);
    }

    /** Number of periods. */
    public int periods() {
        return last - first + 1;
    }
}
