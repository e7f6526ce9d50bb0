package org.militrend.report;

import java.util.Locale;

/**
 * The change of one figure between a baseline period and the current one, with the band that
 * ACLED's Trendfinder uses to word it.
 *
 * <p>Bands, on the percentage change p = 100·(current − baseline)/baseline: {@code large rise} (p
 * &gt; 25), {@code moderate rise} (10 &lt; p ≤ 25), {@code limited change} (−25 ≤ p ≤ 10),
 * {@code large fall} (p &lt; −25). Small numbers: when both figures are below {@value
 * #SMALL_BASE} the band is {@code too few to compare} (so 1 → 3 is not a "200 % surge"); when
 * the baseline is 0 and the current figure is not small, p is undefined and the band is {@code
 * new activity}. Nothing is compared with a period no complete dataset covers ({@value
 * #NOT_COVERED}) or with a figure every incident lacks ({@value #UNKNOWN}): both would invent
 * the zero the comparison starts from.
 *
 * @param baseline null when unknown or not covered
 * @param current null when unknown or not covered
 * @param difference null unless both are known
 * @param percent null when the baseline is 0 or a figure is not known
 */
public record Change(Long baseline, Long current, Long difference, Double percent, String band) {

    public static final int SMALL_BASE = 10;
    public static final String NOT_COVERED = "not covered";
    public static final String UNKNOWN = "n/a";

    public Change {
        if (difference != null && (baseline == null || current == null || difference != current - baseline)) {
            throw new IllegalArgumentException("difference must be current - baseline");
        }
        if (percent != null && !Double.isFinite(percent)) {
            throw new IllegalArgumentException("percent must be finite");
        }
    }

    public static Change of(long baseline, long current) {
        Double percent = baseline == 0 ? null : 100.0 * (current - baseline) / baseline;
        return new Change(baseline, current, current - baseline, percent, band(baseline, current, percent));
    }

    /** The change of one figure of two periods, each covered or not. */
    static Change of(Long baseline, boolean baselineCovered, Long current, boolean currentCovered) {
        // an uncovered period's figure, even an incomplete dataset's sum, is no count to compare
        if (!baselineCovered || !currentCovered) {
            return new Change(baseline, current, null, null, NOT_COVERED);
        }
        if (baseline == null || current == null) {
            return new Change(baseline, current, null, null, UNKNOWN);
        }
        return of(baseline.longValue(), current.longValue());
    }

    /** The percentage for people, e.g. "+12.5 %", or null without a baseline. */
    public String percentLabel() {
        return percent == null ? null : String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    /** True when there is no baseline to compare with (not covered, or unknown). */
    public boolean incomparable() {
        return band.equals(NOT_COVERED) || band.equals(UNKNOWN);
    }

    static String band(long baseline, long current, Double percent) {
        if (Math.max(baseline, current) < SMALL_BASE) {
            return "too few to compare";
        }
        if (percent == null) {
            return "new activity";
        }
        if (percent > 25) {
            return "large rise";
        }
        if (percent > 10) {
            return "moderate rise";
        }
        if (percent >= -25) {
            return "limited change";
        }
        return "large fall";
    }
}
