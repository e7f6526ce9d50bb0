package org.militrend.trend.stats;

/**
 * Poisson rate ratio per 12 periods of one series, with Wald inference.
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
 */
public record RateRatioTestResult(
        double rateRatio,
        Interval ci95,
        double slope,
        double slopeStdErr,
        double z,
        double pValue,
        double dispersion,
        int n) {
    public RateRatioTestResult {
        Checks.positive("rateRatio", rateRatio);
        Checks.notNull("ci95", ci95);
        Checks.finite("slope", slope);
        Checks.positive("slopeStdErr", slopeStdErr);
        Checks.finite("z", z);
        Checks.probability("pValue", pValue);
        Checks.nonNegative("dispersion", dispersion);
    }
}
