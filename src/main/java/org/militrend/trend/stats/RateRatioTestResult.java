package org.militrend.trend.stats;

/**
 * Poisson rate ratio per 12 periods of one series, with Wald inference, plain and quasi-Poisson.
 *
 * @param rateRatio {@code exp(12 b_t)}
 * @param ci95 Wald 95% CI {@code exp(12(b_t ± z₀.₉₇₅ se))}
 * @param slope Poisson slope b_t (log rate ratio per period)
 * @param slopeStdErr its standard error (W at the MLE)
 * @param z Wald statistic {@code b_t / se}
 * @param pValue two-sided Wald p-value {@code 2Φ(-|z|)}
 * @param dispersion Pearson dispersion of the Poisson fit (values well above 1 mean the Wald p is
 *     too optimistic)
 * @param n number of periods
 * @param quasi the same inference with the quasi-Poisson standard error
 */
public record RateRatioTestResult(
        double rateRatio,
        Interval ci95,
        double slope,
        double slopeStdErr,
        double z,
        double pValue,
        double dispersion,
        int n,
        Quasi quasi) {
    public RateRatioTestResult {
        Checks.positive("rateRatio", rateRatio);
        Checks.notNull("ci95", ci95);
        Checks.finite("slope", slope);
        Checks.positive("slopeStdErr", slopeStdErr);
        Checks.finite("z", z);
        Checks.probability("pValue", pValue);
        Checks.nonNegative("dispersion", dispersion);
        Checks.notNull("quasi", quasi);
    }

    /**
     * Quasi-Poisson inference: the standard error scaled by {@code sqrt(max(1, dispersion))} (counts
     * of victims are overdispersed; the floor keeps underdispersion from sharpening the test).
     *
     * @param slopeStdErr {@code se · sqrt(max(1, φ))}
     * @param pValue two-sided Wald p-value with it
     * @param ci95 {@code exp(12(b_t ± z₀.₉₇₅ se_q))}, or null when a bound leaves the doubles (a
     *     nearly separated series)
     */
    public record Quasi(double slopeStdErr, double pValue, Interval ci95) {
        public Quasi {
            Checks.positive("slopeStdErr", slopeStdErr);
            Checks.probability("pValue", pValue);
        }
    }
}
