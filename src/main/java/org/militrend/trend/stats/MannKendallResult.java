package org.militrend.trend.stats;

/**
 * Mann–Kendall trend test (API section {@code mannKendall}).
 *
 * @param s {@code S = Σ_{i<j} sign(y_j - y_i)}
 * @param varS tie-corrected variance {@code [n(n-1)(2n+5) - Σ t(t-1)(2t+5)]/18}
 * @param z continuity-corrected {@code sign(S)(|S|-1)/√Var(S)} (0 when S = 0)
 * @param pValue two-sided normal p-value {@code 2Φ(-|z|)}
 * @param tau Kendall's tau-b between t and y, {@code S / sqrt(n₀ (n₀ - Σ t(t-1)/2))}, n₀ = n(n-1)/2
 * @param n number of periods
 */
public record MannKendallResult(long s, double varS, double z, double pValue, double tau, int n) {
    public MannKendallResult {
        Checks.positive("varS", varS);
        Checks.finite("z", z);
        Checks.probability("pValue", pValue);
        Checks.finite("tau", tau);
        if (tau < -1 - 1e-12 || tau > 1 + 1e-12) {
            throw new IllegalArgumentException("tau out of [-1, 1]: " + tau);
        }
    }
}
