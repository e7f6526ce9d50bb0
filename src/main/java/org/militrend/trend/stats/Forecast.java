package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts of the next periods from a fitted Poisson trend (plain or seasonal).
 *
 * <p>Mean: {@code exp(η)}, {@code η = xᵀβ̂ + log(e)} with x = (1, t[, month dummies of the future
 * period's calendar month]) and e the LAST observed exposure carried forward. Confidence interval of
 * the mean: {@code exp(η ± z₀.₉₇₅ se_η)}, {@code se_η = sqrt(xᵀ Cov(β̂) x)} (R's {@code
 * predict(..., se.fit = TRUE)} on the link scale).
 *
 * <p>Prediction interval of the count (our documented choice): the 2.5% quantile of the count
 * distribution at the LOWER confidence bound of the mean, and the 97.5% quantile at the UPPER bound.
 * The count distribution is Poisson, or NB2 with the given θ when the series is overdispersed
 * ({@code theta != null}). Quantiles are exact (regularized incomplete gamma/beta functions, with a
 * normal approximation only where those do not converge); when a bound exceeds 1e12 the
 * prediction interval is omitted (null). This covers both the sampling noise of the count and the uncertainty of
 * the fitted mean, and is conservative (coverage ≥ 95% up to the normal approximation of η̂).
 */
public final class Forecast {
    private Forecast() {}

    /**
     * @param fit the Poisson fit
     * @param horizon number of future periods (0 gives an empty list)
     * @param theta NB2 θ for the prediction interval, or null for Poisson
     */
    public static List<ForecastPoint> poisson(PoissonTrendResult fit, int horizon, Double theta) {
        Checks.notNull("fit", fit);
        return poisson(fit, horizon, theta, fit.n() - 1);
    }

    /**
     * Forecasts the {@code horizon} periods after the one at time {@code lastTime} (the last period
     * fitted; with gaps it is not n-1).
     */
    public static List<ForecastPoint> poisson(PoissonTrendResult fit, int horizon, Double theta, int lastTime) {
        Checks.notNull("fit", fit);
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0, was " + horizon);
        }
        if (theta != null) {
            Checks.positive("theta", theta);
        }
        int p = fit.coefficients().size();
        double[] beta =
                fit.coefficients().stream().mapToDouble(Coefficient::estimate).toArray();
        double logE = fit.lastExposure() == null ? 0 : Math.log(fit.lastExposure());
        List<ForecastPoint> out = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            int t = lastTime + h;
            double[] x = new double[p];
            x[0] = 1;
            x[1] = t;
            if (fit.seasonal()) {
                int month = ((fit.lastCalendarMonth() - 1 + h) % 12) + 1;
                if (month >= 2) {
                    x[month] = 1;
                }
            }
            double eta = logE;
            for (int j = 0; j < p; j++) {
                eta += x[j] * beta[j];
            }
            double var = 0;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    var += x[i] * fit.covariance().get(i).get(j) * x[j];
                }
            }
            double se = Math.sqrt(Math.max(0, var));
            double mean = Math.exp(eta);
            double lo = Math.exp(eta - Stats.Z975 * se);
            double hi = Math.exp(eta + Stats.Z975 * se);
            if (!(Double.isFinite(hi) && mean > 0)) {
                break; // beyond double range: stop rather than emit a non-number
            }
            Long pLo = CountDistributions.quantile(0.025, lo, theta);
            Long pHi = CountDistributions.quantile(0.975, hi, theta);
            if (pLo == null || pHi == null) {
                pLo = null;
                pHi = null;
            }
            out.add(new ForecastPoint(t, null, mean, lo, hi, pLo, pHi, eta, se));
        }
        return List.copyOf(out);
    }
}
