package org.militrend.trend.stats;

import java.util.List;

/**
 * Negative binomial (NB2) log-linear trend, {@code Var(Y) = μ + μ²/θ}, joint maximum likelihood of
 * θ and the coefficients (API section {@code negativeBinomial}). All fields finite.
 *
 * @param theta NB2 shape θ (size); smaller θ means more overdispersion
 * @param thetaStdErr {@code 1/sqrt(observed information of θ)} at the MLE (as MASS's theta.ml)
 * @param intercept log expected count at t = 0 (January level in the seasonal model)
 * @param slope log rate ratio per period
 * @param interceptStdErr standard error, {@code (XᵀWX)⁻¹} with W = μ/(1 + μ/θ) at the MLE
 * @param slopeStdErr standard error of the slope, same matrix
 * @param rateRatioPer12 {@code exp(12 slope)} with Wald 95% CI
 * @param deviance NB deviance {@code 2Σ[y log(y/μ) - (y+θ) log((y+θ)/(μ+θ))]}
 * @param logLikelihood NB log-likelihood at the MLE
 * @param aic {@code -2 logLik + 2(p + 1)} (θ counted, as MASS)
 * @param fitted μ̂ for t = 0..n-1
 * @param coefficients all coefficients in design order
 * @param outerIterations alternations between the β IRLS and the θ Newton step
 */
public record NegativeBinomialResult(
        double theta,
        double thetaStdErr,
        double intercept,
        double slope,
        double interceptStdErr,
        double slopeStdErr,
        RateRatio rateRatioPer12,
        double deviance,
        double logLikelihood,
        double aic,
        List<Double> fitted,
        List<Coefficient> coefficients,
        int outerIterations) {
    public NegativeBinomialResult {
        Checks.positive("theta", theta);
        Checks.nonNegative("thetaStdErr", thetaStdErr);
        Checks.finite("intercept", intercept);
        Checks.finite("slope", slope);
        Checks.nonNegative("interceptStdErr", interceptStdErr);
        Checks.nonNegative("slopeStdErr", slopeStdErr);
        Checks.notNull("rateRatioPer12", rateRatioPer12);
        Checks.nonNegative("deviance", deviance);
        Checks.finite("logLikelihood", logLikelihood);
        Checks.finite("aic", aic);
        fitted = Checks.finiteList("fitted", fitted);
        coefficients = List.copyOf(coefficients);
    }
}
