package org.militrend.report;

/**
 * The change of one figure between a baseline period and the current one, with the band that
 * ACLED's Trendfinder uses to word it.
 *
 * <p>Bands, on the percentage change p = 100·(current − baseline)/baseline: {@code large rise} (p
 * &gt; 25), {@code moderate rise} (10 &lt; p ≤ 25), {@code limited change} (−25 ≤ p ≤ 10),
 * {@code large fall} (p &lt; −25). Small numbers: when both figures are below {@value
 * #SMALL_BASE} the band is {@code too few to compare} (so 1 → 3 is not a "200 % surge"); when
 * the baseline is 0 and the current figure is not small, p is undefined and the band is {@code
 * new activity}.
 *
 * @param percent null when the baseline is 0
 */
public record Change(long baseline, long current, long difference, Double percent, String band) {

    public static final int SMALL_BASE = 10;

    public Change {
        if (difference != current - baseline) {
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

    /** The percentage for people, e.g. "+12.5 %", or null without a baseline. */
    public String percentLabel() {
        return percent == null ? null : String.format(java.util.Locale.ROOT, "%+.1f %%", percent);
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
