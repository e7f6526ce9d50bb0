package org.militrend.trend.stats;

/**
 * Multiplicative change of the expected count over a number of periods h, {@code exp(h b_t)}, with
 * the Wald 95% interval {@code exp(h (b_t ± z₀.₉₇₅ se(b_t)))} (normal quantile). The contract's
 * {@code rateRatioPer12} is h = 12; {@code rateRatioPerYear} is h = the periods in a year.
 */
public record RateRatio(double estimate, Interval ci95) {
    public RateRatio {
        Checks.positive("estimate", estimate);
        Checks.notNull("ci95", ci95);
    }

    /** Throws IllegalArgumentException when a bound is not finite (the callers' "degenerate fit"). */
    static RateRatio perTwelve(double slope, double se) {
        Outcome<RateRatio> rr = over(12, slope, se);
        if (!rr.isEstimable()) {
            throw new IllegalArgumentException(rr.reason());
        }
        return rr.value();
    }

    /**
     * {@code exp(periods · slope)} with its Wald interval; not estimable when a bound leaves the
     * range of doubles (a nearly separated fit whose standard error is huge).
     */
    public static Outcome<RateRatio> over(double periods, double slope, double se) {
        Checks.positive("periods", periods);
        Checks.finite("slope", slope);
        Checks.nonNegative("se", se);
        double e = Math.exp(periods * slope);
        double lo = Math.exp(periods * (slope - Stats.Z975 * se));
        double hi = Math.exp(periods * (slope + Stats.Z975 * se));
        if (!(e > 0 && lo > 0 && Double.isFinite(hi))) {
            return Outcome.notEstimable("rate ratio over " + periods + " periods leaves the range of doubles");
        }
        return Outcome.of(new RateRatio(e, new Interval(lo, hi)));
    }

    /** The Poisson fit's plain Wald rate ratio per year. */
    public static Outcome<RateRatio> perYear(PoissonTrendResult fit, SegmentationRule rule) {
        return over(rule.periodsPerYear(), fit.slope(), fit.slopeStdErr());
    }
}
