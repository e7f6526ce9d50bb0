package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;

/**
 * Poisson GLM with log link, R's {@code glm(count ~ t [+ month] + offset(log(exposure)), family =
 * poisson, control = glm.control(epsilon = 1e-14))}, fitted by IRLS on Commons Math QR.
 *
 * <p>Design: intercept, t = 0..n-1, and for {@code seasonal} 11 dummies of the calendar month of each
 * period (January reference; the series may start in any month). Standard errors {@code
 * sqrt(diag((XᵀWX)⁻¹))} with W = diag(μ̂) at the MLE. Null deviance from the intercept(+offset)
 * model, whose MLE is closed-form: {@code μ⁰_i = e_i Σy / Σe}. AIC {@code = -2 Σ (y log μ - μ - log
 * y!) + 2p} with {@code log y! = lgamma(y + 1)}. Pearson dispersion {@code φ = Σ(y-μ)²/μ / (n-p)},
 * quasi SE = SE·√φ. Rate ratio per 12 = {@code exp(12 b_t)}, Wald CI with the normal quantile.
 *
 * <p>Not estimable (the log-likelihood has no maximiser, or too few points): all counts zero; in
 * the seasonal model a calendar month whose counts are all zero (separation: its effect → -∞) or
 * that never occurs; positive counts only at the boundary (see {@link Design#noMleReason}); n &lt;
 * p + 1 (no residual degrees of freedom for the dispersion); non-convergence.
 *
 * <p>Source: McCullagh &amp; Nelder, Generalized Linear Models (2nd ed.), ch. 2 and 6; Haberman
 * (1974) for existence of the MLE; reference values from R 4.2.2 {@code glm}.
 */
public final class PoissonRegression {
    private PoissonRegression() {}

    /**
     * @param counts non-negative integer counts, t = 0..n-1
     * @param calendarMonths calendar month (1..12) of each period; may be null unless {@code
     *     seasonal}
     * @param exposure positive exposure per period (offset log(exposure)), or null
     * @param seasonal include calendar-month dummies
     */
    public static Outcome<PoissonTrendResult> fit(
            double[] counts, int[] calendarMonths, double[] exposure, boolean seasonal) {
        return fit(counts, calendarMonths, exposure, seasonal, null);
    }

    /** As {@link #fit(double[], int[], double[], boolean)} with the periods at {@code time} (null: 0..n-1). */
    public static Outcome<PoissonTrendResult> fit(
            double[] counts, int[] calendarMonths, double[] exposure, boolean seasonal, double[] time) {
        double[] y = Checks.counts(counts);
        Outcome<Design> d = Design.checked(y.length, calendarMonths, exposure, seasonal, time);
        return d.isEstimable() ? fit(d.value(), y) : Outcome.notEstimable(d.reason());
    }

    static Outcome<PoissonTrendResult> fit(Design d, double[] y) {
        int n = d.n;
        int p = d.p();
        String model = d.seasonal ? "seasonal Poisson model" : "Poisson model";
        if (n < p + 1) {
            return Outcome.notEstimable(model + " needs at least " + (p + 1) + " periods, got " + n);
        }
        String noMle = d.noMleReason(y);
        if (noMle != null) {
            return Outcome.notEstimable(model + ": " + noMle);
        }
        Irls.Fit f = Irls.fit(d, y, Double.POSITIVE_INFINITY, null);
        if (f == null || !f.converged()) {
            return Outcome.notEstimable(model + ": IRLS did not converge");
        }
        double[] mu = f.mu();
        double chi2 = 0;
        double loglik = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - mu[i];
            chi2 += r * r / mu[i];
            loglik += (y[i] > 0 ? y[i] * Math.log(mu[i]) : 0) - mu[i] - Gamma.logGamma(y[i] + 1);
        }
        double sumY = 0;
        double sumE = 0;
        for (int i = 0; i < n; i++) {
            sumY += y[i];
            sumE += d.exposure == null ? 1 : d.exposure[i];
        }
        double[] mu0 = new double[n];
        for (int i = 0; i < n; i++) {
            mu0[i] = (d.exposure == null ? 1 : d.exposure[i]) * sumY / sumE;
        }
        double nullDev = Irls.poissonDeviance(y, mu0);
        int df = n - p;
        double phi = chi2 / df;
        double[][] cov = f.covariance();
        List<Coefficient> coefs = new ArrayList<>();
        Map<String, Double> monthEffects = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(cov[j][j]);
            coefs.add(new Coefficient(d.names.get(j), f.beta()[j], se, se * Math.sqrt(phi)));
            if (j >= 2) {
                monthEffects.put(d.names.get(j).substring(5), f.beta()[j]);
            }
        }
        List<List<Double>> covList = new ArrayList<>();
        for (double[] row : cov) {
            covList.add(Checks.boxed(row));
        }
        double slopeSe = coefs.get(1).stdErr();
        PoissonTrendResult result;
        try {
            result = new PoissonTrendResult(
                    f.beta()[0],
                    f.beta()[1],
                    coefs.get(0).stdErr(),
                    slopeSe,
                    Math.max(0, f.deviance()),
                    Math.max(0, nullDev),
                    -2 * loglik + 2 * p,
                    phi,
                    coefs.get(1).quasiStdErr(),
                    RateRatio.perTwelve(f.beta()[1], slopeSe),
                    Checks.boxed(mu),
                    monthEffects,
                    coefs,
                    covList,
                    chi2,
                    loglik,
                    n,
                    df,
                    f.iterations(),
                    d.seasonal,
                    d.calendarMonths == null ? 0 : d.calendarMonths[n - 1],
                    d.exposure == null ? null : d.exposure[n - 1]);
        } catch (IllegalArgumentException degenerate) {
            return Outcome.notEstimable(model + ": numerically degenerate fit (" + degenerate.getMessage() + ")");
        }
        return Outcome.of(result);
    }
}
