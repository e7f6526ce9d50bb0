package org.militrend.trend.stats;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Poisson and NB2 distribution functions through the regularized incomplete gamma and beta
 * functions (accurate in both tails): Poisson {@code P(Y ≤ k) = Q(k+1, μ)}, {@code P(Y ≥ k) =
 * P(k, μ)}; NB2 with {@code p = θ/(θ+μ)}: {@code P(Y ≤ k) = I_p(θ, k+1)}, {@code P(Y ≥ k) =
 * I_{1-p}(k, θ)}. {@code theta == null} means Poisson.
 */
final class CountDistributions {
    private static final double EPS = 1e-15;
    private static final int MAX_ITER = 100_000;

    private CountDistributions() {}

    /** Means above this are out of scope for count quantiles (prediction bounds are omitted). */
    static final double MAX_MEAN = 1e12;

    static double cdf(long k, double mu, Double theta) {
        if (k < 0) {
            return 0;
        }
        try {
            if (theta == null) {
                return Gamma.regularizedGammaQ(k + 1.0, mu, EPS, MAX_ITER);
            }
            return Beta.regularizedBeta(theta / (theta + mu), theta, k + 1.0, EPS, MAX_ITER);
        } catch (MathIllegalStateException slowSeries) {
            // huge arguments: the series/continued fraction does not converge in MAX_ITER steps;
            // fall back to the normal approximation with continuity correction
            return Stats.normalCdf((k + 0.5 - mu) / sd(mu, theta));
        }
    }

    /** P(Y ≥ k). */
    static double upperTail(long k, double mu, Double theta) {
        if (k <= 0) {
            return 1;
        }
        try {
            if (theta == null) {
                return Gamma.regularizedGammaP(k, mu, EPS, MAX_ITER);
            }
            return Beta.regularizedBeta(mu / (theta + mu), (double) k, theta, EPS, MAX_ITER);
        } catch (MathIllegalStateException slowSeries) {
            return Stats.normalCdf(-(k - 0.5 - mu) / sd(mu, theta));
        }
    }

    private static double sd(double mu, Double theta) {
        return Math.sqrt(theta == null ? mu : mu + mu * mu / theta);
    }

    /** Two-sided tail probability min(1, 2 min(P(Y ≤ y), P(Y ≥ y))). */
    static double twoSidedP(long y, double mu, Double theta) {
        return Math.min(1, 2 * Math.min(cdf(y, mu, theta), upperTail(y, mu, theta)));
    }

    /**
     * Smallest k with P(Y ≤ k) ≥ prob, or null when the mean (or the NB spread) is beyond {@link
     * #MAX_MEAN}.
     */
    static Long quantile(double prob, double mu, Double theta) {
        if (mu <= 0) {
            return 0L;
        }
        double sd = sd(mu, theta);
        if (!(mu <= MAX_MEAN && sd <= MAX_MEAN)) {
            return null;
        }
        long k = Math.max(0, (long) Math.floor(mu + (prob < 0.5 ? -2 : 2) * sd));
        while (cdf(k, mu, theta) < prob) {
            k++;
        }
        while (k > 0 && cdf(k - 1, mu, theta) >= prob) {
            k--;
        }
        return k;
    }
}
