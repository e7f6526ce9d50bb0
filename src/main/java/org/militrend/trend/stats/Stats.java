package org.militrend.trend.stats;

import org.apache.commons.math3.special.Erf;

/** Small numeric helpers. */
final class Stats {
    /** qnorm(0.975) in R, 1.959963984540054 (Commons Math's inverse normal agrees to 1 ulp). */
    static final double Z975 = 1.959963984540054;

    private Stats() {}

    /** Standard normal lower tail Φ(x), via erfc so that tiny tails keep relative precision. */
    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** Two-sided normal p-value 2Φ(-|z|), capped at 1. */
    static double twoSidedNormalP(double z) {
        return Math.min(1, 2 * normalCdf(-Math.abs(z)));
    }
}
