package org.militrend.trend.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * OLS linear trend, R's {@code lm(count ~ t)} with t = 0..n-1.
 *
 * <p>Formulas: slope {@code b = Sxy/Sxx}, intercept {@code a = ȳ - b t̄}, {@code se(b) =
 * sqrt(RSS/(n-2)/Sxx)}, 95% CI {@code b ± q se(b)} with {@code q} the 0.975 quantile of Student's t
 * with n-2 degrees of freedom, p-value {@code 2 F(-|b/se(b)|)} (computed from the lower tail so
 * that small p-values keep their relative precision; Commons Math's {@code getSignificance()} does
 * {@code 2(1-F(|t|))} and loses it), {@code R² = 1 - RSS/TSS}. The t distribution is constructed with
 * an inverse-CDF accuracy of 1e-15 (the Commons Math default, 1e-9, is too coarse).
 *
 * <p>Edge cases (not estimable): fewer than 3 periods (no residual degrees of freedom), a constant
 * series (TSS = 0: R² and the t statistic are 0/0). A perfect line gives se = 0, p = 0, R² = 1.
 *
 * <p>Source: standard simple linear regression, e.g. Draper &amp; Smith, Applied Regression Analysis,
 * ch. 1; reference values from R 4.2.2 {@code lm}.
 */
public final class LinearTrend {
    static final double INVERSE_CDF_ACCURACY = 1e-15;

    private LinearTrend() {}

    public static Outcome<LinearTrendResult> fit(double[] counts) {
        return fit(null, counts);
    }

    /** {@code lm(count ~ t)} with the periods at {@code time} (null: 0..n-1). */
    public static Outcome<LinearTrendResult> fit(double[] time, double[] counts) {
        if (counts == null) {
            throw new NullPointerException("counts");
        }
        int n = counts.length;
        if (n < 3) {
            return Outcome.notEstimable("linear trend needs at least 3 periods, got " + n);
        }
        for (double c : counts) {
            Checks.finite("count", c);
        }
        boolean constant = true;
        for (double c : counts) {
            constant &= c == counts[0];
        }
        if (constant) {
            return Outcome.notEstimable("linear trend undefined: the series is constant (R² and t are 0/0)");
        }
        double[] at = Checks.time(time, n);
        SimpleRegression reg = new SimpleRegression(true);
        for (int i = 0; i < n; i++) {
            reg.addData(at[i], counts[i]);
        }
        double slope = reg.getSlope();
        double intercept = reg.getIntercept();
        double se = reg.getSlopeStdErr();
        int df = n - 2;
        TDistribution t = new TDistribution(null, df, INVERSE_CDF_ACCURACY);
        double q = t.inverseCumulativeProbability(0.975);
        double p;
        if (se == 0) {
            p = 0; // perfect fit: |t| is infinite
            se = 0;
        } else {
            p = 2 * t.cumulativeProbability(-Math.abs(slope / se));
        }
        double r2 = reg.getRSquare();
        return Outcome.of(new LinearTrendResult(
                slope, intercept, se, new Interval(slope - q * se, slope + q * se), Math.min(1, p), r2, n));
    }
}
