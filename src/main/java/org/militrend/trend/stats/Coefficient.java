package org.militrend.trend.stats;

/**
 * One regression coefficient ({@code intercept}, {@code t}, {@code month02} .. {@code month12}).
 *
 * @param name coefficient name
 * @param estimate maximum-likelihood estimate
 * @param stdErr model-based standard error {@code sqrt(diag((XᵀWX)⁻¹))}, W at the MLE
 * @param quasiStdErr quasi-likelihood standard error {@code stdErr * sqrt(dispersion)} (equal to
 *     {@code stdErr} for the negative binomial, which has no dispersion scaling)
 */
public record Coefficient(String name, double estimate, double stdErr, double quasiStdErr) {
    public Coefficient {
        Checks.notNull("name", name);
        Checks.finite(name + ".estimate", estimate);
        Checks.nonNegative(name + ".stdErr", stdErr);
        Checks.nonNegative(name + ".quasiStdErr", quasiStdErr);
    }
}
