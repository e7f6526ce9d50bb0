package org.militrend.trend.stats;

/**
 * Ordinary least-squares line {@code count = intercept + slope * t}, t = 0..n-1 (API section
 * {@code linear}).
 *
 * @param slope OLS slope (counts per period)
 * @param intercept OLS intercept (fitted value at t = 0, the first period)
 * @param slopeStdErr standard error of the slope, {@code sqrt(RSS/(n-2) / Sxx)}
 * @param slopeCi95 {@code slope ± t(0.975, n-2) * slopeStdErr}
 * @param pValue two-sided p-value of the t test of slope = 0, {@code 2 F(-|t|)}, n-2 df
 * @param rSquared coefficient of determination {@code 1 - RSS/TSS}
 * @param n number of periods
 */
public record LinearTrendResult(
        double slope, double intercept, double slopeStdErr, Interval slopeCi95, double pValue, double rSquared, int n) {
    public LinearTrendResult {
        Checks.finite("slope", slope);
        Checks.finite("intercept", intercept);
        Checks.nonNegative("slopeStdErr", slopeStdErr);
        Checks.notNull("slopeCi95", slopeCi95);
        Checks.probability("pValue", pValue);
        Checks.finite("rSquared", rSquared);
        if (n < 3) {
            throw new IllegalArgumentException("n must be >= 3, was " + n);
        }
    }
}
