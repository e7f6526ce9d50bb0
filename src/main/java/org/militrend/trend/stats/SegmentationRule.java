package org.militrend.trend.stats;

/**
 * How a series of one granularity is segmented and how its slopes are read per year.
 *
 * @param minSegmentPeriods shortest segment binary segmentation may leave (at least 2)
 * @param periodsPerYear periods in a year: the rate ratio per year is {@code exp(periodsPerYear ·
 *     b_t)}
 */
public record SegmentationRule(int minSegmentPeriods, double periodsPerYear) {

    /** Months: a regime lasts at least a year. */
    public static final SegmentationRule MONTH = new SegmentationRule(12, 12);

    /** Quarters: at least two years (eight points, a trend needs a few). */
    public static final SegmentationRule QUARTER = new SegmentationRule(8, 4);

    /** Years: at least five. */
    public static final SegmentationRule YEAR = new SegmentationRule(5, 1);

    /**
     * ISO weeks: at least 52 (a year, like months); a year is 365.2425 / 7 = 52.1775 weeks on
     * average over the 400-year Gregorian cycle (20,871 weeks).
     */
    public static final SegmentationRule WEEK = new SegmentationRule(52, 365.2425 / 7);

    public SegmentationRule {
        if (minSegmentPeriods < 2) {
            throw new IllegalArgumentException("minSegmentPeriods must be >= 2, was " + minSegmentPeriods);
        }
        Checks.positive("periodsPerYear", periodsPerYear);
    }
}
