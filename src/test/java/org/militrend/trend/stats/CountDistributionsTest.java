package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tail probabilities and quantiles against brute-force sums of the probability mass function. */
@Tag("no-db")
class CountDistributionsTest {

    /** log pmf of Poisson (theta = 0 encodes Poisson here) or NB2(μ, θ). */
    private static double logPmf(int k, double mu, double theta) {
        if (theta == 0) {
            return -mu + k * Math.log(mu) - Gamma.logGamma(k + 1);
        }
        return Gamma.logGamma(theta + k)
                - Gamma.logGamma(theta)
                - Gamma.logGamma(k + 1)
                + theta * Math.log(theta / (theta + mu))
                + k * Math.log(mu / (theta + mu));
    }

    @ParameterizedTest(name = "mu={0} theta={1}")
    @CsvSource({"0.3,0", "4.49,0", "57.2,0", "4.49,2.5", "57.2,0.8", "12,31.3"})
    void cdfTailsAndQuantilesMatchPmfSums(double mu, double thetaOrZero) {
        Double theta = thetaOrZero == 0 ? null : thetaOrZero;
        double cum = 0;
        long q025 = -1;
        long q975 = -1;
        for (int k = 0; k < 3000; k++) {
            double pk = Math.exp(logPmf(k, mu, thetaOrZero));
            double upper = 1 - cum; // P(Y >= k)
            cum += pk;
            assertEquals(cum, CountDistributions.cdf(k, mu, theta), 1e-12, "cdf(" + k + ")");
            if (upper > 1e-6) {
                assertEquals(upper, CountDistributions.upperTail(k, mu, theta), 1e-11, "upper(" + k + ")");
            }
            if (q025 < 0 && cum >= 0.025) {
                q025 = k;
            }
            if (q975 < 0 && cum >= 0.975) {
                q975 = k;
            }
        }
        assertEquals(q025, CountDistributions.quantile(0.025, mu, theta));
        assertEquals(q975, CountDistributions.quantile(0.975, mu, theta));
    }
}
