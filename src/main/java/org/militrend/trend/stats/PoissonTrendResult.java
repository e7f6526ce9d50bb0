package org.militrend.trend.stats;

import java.util.List;
import java.util.Map;

/**
 * Poisson log-linear trend {@code log μ_t = offset_t + intercept + slope·t [+ month effect]} (API
 * sections {@code poisson} and {@code poissonSeasonal}). All fields are finite.
 *
 * @param intercept log expected count (or log rate per exposure unit) at t = 0, for the first
 *     period's calendar month if it is January, else the January level
 * @param slope log rate ratio per period
 * @param interceptStdErr standard error of the intercept (W at the MLE)
 * @param slopeStdErr standard error of the slope (W at the MLE)
 * @param deviance residual deviance {@code 2 Σ [y log(y/μ) - (y - μ)]}
 * @param nullDeviance deviance of the intercept(+offset)-only model
 * @param aic {@code -2 Σ log dpois(y, μ) + 2p} including the {@code log y!} terms
 * @param dispersion Pearson dispersion {@code Σ (y - μ)²/μ / (n - p)}
 * @param quasiSlopeStdErr quasi-Poisson slope standard error {@code slopeStdErr · sqrt(dispersion)}
 * @param rateRatioPer12 {@code exp(12 slope)} with Wald 95% CI
 * @param fitted μ̂ for t = 0..n-1
 * @param monthEffects seasonal model: month coefficients (log rate ratio against January) keyed
 *     {@code "02"..."12"}; empty for the trend-only model
 * @param coefficients all coefficients in design order (intercept, t, month02..month12)
 * @param covariance unscaled covariance {@code (XᵀWX)⁻¹} in design order
 * @param pearsonChi2 Pearson χ²
 * @param logLikelihood Poisson log-likelihood at the MLE
 * @param n number of periods
 * @param dfResidual n - p
 * @param iterations IRLS iterations
 * @param seasonal whether month dummies are in the model
 * @param lastCalendarMonth calendar month (1..12) of the last period, or 0 when unknown
 * @param lastExposure exposure of the last period (carried forward by forecasts), or null without
 *     an offset
 */
public record PoissonTrendResult(
        double intercept,
        double slope,
        double interceptStdErr,
        double slopeStdErr,
        double deviance,
        double nullDeviance,
        double aic,
        double dispersion,
        double quasiSlopeStdErr,
        RateRatio rateRatioPer12,
        List<Double> fitted,
        Map<String, Double> monthEffects,
        List<Coefficient> coefficients,
        List<List<Double>> covariance,
        double pearsonChi2,
        double logLikelihood,
        int n,
        int dfResidual,
        int iterations,
        boolean seasonal,
        int lastCalendarMonth,
        Double lastExposure) {
    public PoissonTrendResult {
        Checks.finite("intercept", intercept);
        Checks.finite("slope", slope);
        Checks.nonNegative("interceptStdErr", interceptStdErr);
        Checks.nonNegative("slopeStdErr", slopeStdErr);
        Checks.nonNegative("deviance", deviance);
        Checks.nonNegative("nullDeviance", nullDeviance);
        Checks.finite("aic", aic);
        Checks.nonNegative("dispersion", dispersion);
        Checks.nonNegative("quasiSlopeStdErr", quasiSlopeStdErr);
        Checks.notNull("rateRatioPer12", rateRatioPer12);
        fitted = Checks.finiteList("fitted", fitted);
        monthEffects = Checks.finiteMap("monthEffects", monthEffects);
        coefficients = List.copyOf(coefficients);
        covariance =
                covariance.stream().map(r -> Checks.finiteList("covariance", r)).toList();
        Checks.nonNegative("pearsonChi2", pearsonChi2);
        Checks.finite("logLikelihood", logLikelihood);
        if (fitted.size() != n || covariance.size() != coefficients.size() || dfResidual < 1) {
            throw new IllegalArgumentException("inconsistent dimensions");
        }
        if (seasonal != (monthEffects.size() == 11) || lastCalendarMonth < 0 || lastCalendarMonth > 12) {
            throw new IllegalArgumentException("inconsistent seasonal information");
        }
        if (seasonal && lastCalendarMonth == 0) {
            throw new IllegalArgumentException("a seasonal fit needs the last calendar month");
        }
        if (lastExposure != null) {
            Checks.positive("lastExposure", lastExposure);
        }
    }

    /** Two-sided Wald p-value of the slope, {@code 2Φ(-|b/se|)}; null when the standard error is 0. */
    public Double slopePValue() {
        return slopeStdErr > 0 ? Stats.twoSidedNormalP(slope / slopeStdErr) : null;
    }

    /** The fitted values as a fresh array. */
    public double[] fittedArray() {
        return fitted.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The coefficient of the given name. */
    public Coefficient coefficient(String name) {
        return coefficients.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient " + name));
    }
}
