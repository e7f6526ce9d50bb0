package org.militrend.trend.stats;

/**
 * Multiplicative change of the expected count over 12 periods, {@code exp(12 b_t)}, with the Wald
 * 95% interval {@code exp(12 (b_t ± z₀.₉₇₅ se(b_t)))} (normal quantile).
 */
public record RateRatio(double estimate, Interval ci95) {
    public RateRatio {
        Checks.positive("estimate", estimate);
        Checks.notNull("ci95", ci95);
    }

    static RateRatio perTwelve(double slope, double se) {
        double e = Math.exp(12 * slope);
        double lo = Math.exp(12 * (slope - Stats.Z975 * se));
        double hi = Math.exp(12 * (slope + Stats.Z975 * se));
        return new RateRatio(e, new Interval(lo, hi));
    }
}
