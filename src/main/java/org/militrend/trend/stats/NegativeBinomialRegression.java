package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Negative binomial NB2 regression with log link by exact joint maximum likelihood of (β, θ), the
 * model of R's {@code MASS::glm.nb(count ~ t [+ offset(log(exposure))])}, iterated to the joint MLE
 * (the reference's {@code negbin.refined}).
 *
 * <p>Algorithm: start from the Poisson MLE and θ₀ = n / Σ(y/μ - 1)²; alternate (i) IRLS for β with
 * θ fixed (weights μ/(1 + μ/θ)) and (ii) Newton's method on the θ score
 * {@code Σ[ψ(y+θ) - ψ(θ) - log(1 + μ/θ) + (μ - y)/(θ + μ)]} with μ fixed, until {@code |Δθ|/θ <
 * 1e-13}. {@code ψ(y+θ) - ψ(θ) = Σ_{j<y} 1/(θ+j)} is summed exactly for integer counts (no
 * cancellation when θ is large). Standard errors from {@code (XᵀWX)⁻¹} at the MLE (β and θ are
 * orthogonal in the expected information, so this is the β block of the inverse).
 *
 * <p>Not estimable: whenever the Poisson model is not; when {@code Σ((y - μ̂_P)² - y) ≤ 0} at the
 * Poisson MLE (no overdispersion: the likelihood increases towards θ = ∞, the Poisson model); when
 * θ diverges (&gt; 1e10) or the iteration fails to converge.
 *
 * <p>Sources: Lawless (1987) Can. J. Stat. 15:209; Venables &amp; Ripley, MASS (4th ed.) §7.4;
 * the θ-infinite criterion is the sign of the θ score as θ → ∞ (Cameron &amp; Trivedi 1990).
 */
public final class NegativeBinomialRegression {
    static final double THETA_TOLERANCE = 1e-13;
    static final double THETA_MAX = 1e10;
    static final int MAX_OUTER = 500;

    private NegativeBinomialRegression() {}

    public static Outcome<NegativeBinomialResult> fit(
            double[] counts, int[] calendarMonths, double[] exposure, boolean seasonal) {
        return fit(counts, calendarMonths, exposure, seasonal, null);
    }

    /** With the periods at {@code time} (null: 0..n-1). */
    public static Outcome<NegativeBinomialResult> fit(
            double[] counts, int[] calendarMonths, double[] exposure, boolean seasonal, double[] time) {
        double[] y = Checks.counts(counts);
        Outcome<Design> d = Design.checked(y.length, calendarMonths, exposure, seasonal, time);
        return d.isEstimable() ? fit(d.value(), y) : Outcome.notEstimable(d.reason());
    }

    /** Σ((y - μ)² - y): the θ = ∞ score direction; ≤ 0 means the NB MLE is the Poisson (θ infinite). */
    static double overdispersionScore(double[] y, double[] mu) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - mu[i];
            s += r * r - y[i];
        }
        return s;
    }

    static Outcome<NegativeBinomialResult> fit(Design d, double[] y) {
        String model = d.seasonal ? "seasonal negative binomial model" : "negative binomial model";
        Outcome<PoissonTrendResult> poisson = PoissonRegression.fit(d, y);
        if (!poisson.isEstimable()) {
            return Outcome.notEstimable(model + " not fitted: " + poisson.reason());
        }
        int n = d.n;
        int p = d.p();
        if (n < p + 2) {
            return Outcome.notEstimable(model + " needs at least " + (p + 2) + " periods, got " + n);
        }
        double[] mu = poisson.value().fittedArray();
        if (overdispersionScore(y, mu) <= 0) {
            return Outcome.notEstimable(model + ": theta is infinite (no overdispersion: Σ((y - μ)² - y) ≤ 0 at the"
                    + " Poisson fit), so the negative binomial reduces to the Poisson model");
        }
        double[] beta = poisson.value().coefficients().stream()
                .mapToDouble(Coefficient::estimate)
                .toArray();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] / mu[i] - 1;
            s += r * r;
        }
        double theta = n / s;
        theta = thetaMl(y, mu, theta);
        if (Double.isNaN(theta)) {
            return Outcome.notEstimable(model + ": theta diverges (no finite maximum-likelihood estimate)");
        }
        Irls.Fit f = null;
        boolean converged = false;
        int outer = 0;
        while (outer < MAX_OUTER) {
            outer++;
            f = Irls.fit(d, y, theta, beta);
            if (f == null || !f.converged()) {
                return Outcome.notEstimable(model + ": IRLS did not converge");
            }
            beta = f.beta();
            double next = thetaMl(y, f.mu(), theta);
            if (Double.isNaN(next)) {
                return Outcome.notEstimable(model + ": theta diverges (no finite maximum-likelihood estimate)");
            }
            double change = Math.abs(next - theta) / theta;
            theta = next;
            if (change < THETA_TOLERANCE) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            return Outcome.notEstimable(model + ": the joint (β, θ) iteration did not converge");
        }
        // final β at the final θ, SEs at the MLE
        f = Irls.fit(d, y, theta, beta);
        if (f == null || !f.converged()) {
            return Outcome.notEstimable(model + ": IRLS did not converge");
        }
        mu = f.mu();
        double loglik = 0;
        for (int i = 0; i < n; i++) {
            loglik += Gamma.logGamma(theta + y[i])
                    - Gamma.logGamma(theta)
                    - Gamma.logGamma(y[i] + 1)
                    + theta * Math.log(theta / (theta + mu[i]))
                    + (y[i] > 0 ? y[i] * Math.log(mu[i] / (theta + mu[i])) : 0);
        }
        double info = -thetaScoreDerivative(y, mu, theta);
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(f.covariance()[j][j]);
            coefs.add(new Coefficient(d.names.get(j), f.beta()[j], se, se));
        }
        try {
            return Outcome.of(new NegativeBinomialResult(
                    theta,
                    info > 0 ? 1 / Math.sqrt(info) : 0,
                    f.beta()[0],
                    f.beta()[1],
                    coefs.get(0).stdErr(),
                    coefs.get(1).stdErr(),
                    RateRatio.perTwelve(f.beta()[1], coefs.get(1).stdErr()),
                    Math.max(0, f.deviance()),
                    loglik,
                    -2 * loglik + 2 * (p + 1),
                    Checks.boxed(mu),
                    coefs,
                    outer));
        } catch (IllegalArgumentException degenerate) {
            return Outcome.notEstimable(model + ": numerically degenerate fit (" + degenerate.getMessage() + ")");
        }
    }

    /** Above this count, ψ and ψ' differences use Commons Math's digamma/trigamma instead of the sums. */
    private static final double EXACT_SUM_LIMIT = 2000;

    /** ψ(y+θ) - ψ(θ): exact finite sum for integer y (digamma difference for very large y). */
    private static double digammaDiff(double y, double theta) {
        if (y > EXACT_SUM_LIMIT) {
            return Gamma.digamma(theta + y) - Gamma.digamma(theta);
        }
        double s = 0;
        for (int j = 0; j < y; j++) {
            s += 1 / (theta + j);
        }
        return s;
    }

    static double thetaScore(double[] y, double[] mu, double theta) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += digammaDiff(y[i], theta) - Math.log1p(mu[i] / theta) + (mu[i] - y[i]) / (theta + mu[i]);
        }
        return s;
    }

    static double thetaScoreDerivative(double[] y, double[] mu, double theta) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double tri = 0;
            if (y[i] > EXACT_SUM_LIMIT) {
                tri = Gamma.trigamma(theta) - Gamma.trigamma(theta + y[i]);
            } else {
                for (int j = 0; j < y[i]; j++) {
                    tri += 1 / ((theta + j) * (theta + j));
                }
            }
            double tm = theta + mu[i];
            s += -tri + 1 / theta - 1 / tm + (y[i] - mu[i]) / (tm * tm);
        }
        return s;
    }

    /**
     * θ maximising the NB log-likelihood for fixed μ: Newton's method on log θ with step halving.
     * Returns NaN if θ runs off to infinity.
     */
    static double thetaMl(double[] y, double[] mu, double start) {
        double logTheta = Math.log(Double.isFinite(start) && start > 0 ? Math.min(start, 1e6) : 1);
        double previousStep = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 200; iter++) {
            double theta = Math.exp(logTheta);
            double score = thetaScore(y, mu, theta);
            double dScore = thetaScoreDerivative(y, mu, theta);
            // d/dlogθ: g = θ score, g' = θ score + θ² score'
            double g = theta * score;
            double gp = theta * score + theta * theta * dScore;
            double step;
            if (gp < 0) {
                step = -g / gp;
            } else {
                step = Math.signum(g); // not concave here: move uphill
            }
            step = Math.max(-3, Math.min(3, step));
            double next = logTheta + step;
            if (next > Math.log(THETA_MAX)) {
                if (score > 0) {
                    return Double.NaN;
                }
                next = Math.log(THETA_MAX);
            }
            // Newton converges quadratically: a step below 1e-14 in log θ leaves an error far below it;
            // a small step that no longer shrinks is rounding noise of the score sum: stop there too
            double size = Math.abs(next - logTheta);
            if (size < 1e-14 || (size < 1e-10 && size > 0.5 * previousStep)) {
                return Math.exp(next);
            }
            previousStep = size;
            logTheta = next;
        }
        return Math.exp(logTheta);
    }
}
