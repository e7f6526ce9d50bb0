package org.militrend.trend.stats;

/**
 * A period whose count is improbable under the fitted model (API {@code anomalies[i]}).
 *
 * @param index time index t
 * @param period period label when known, else null
 * @param observed observed count
 * @param expected fitted mean μ̂_t
 * @param pValue two-sided tail probability of the observed count under the model
 * @param adjustedPValue Benjamini–Hochberg adjusted p-value across all periods of the series
 * @param direction {@code "high"} if observed &gt; expected, else {@code "low"}
 */
public record Anomaly(
        int index,
        String period,
        long observed,
        double expected,
        double pValue,
        double adjustedPValue,
        String direction) {
    public Anomaly {
        Checks.positive("expected", expected);
        Checks.probability("pValue", pValue);
        Checks.probability("adjustedPValue", adjustedPValue);
        if (index < 0 || observed < 0 || !("high".equals(direction) || "low".equals(direction))) {
            throw new IllegalArgumentException("invalid anomaly");
        }
    }

    Anomaly withPeriod(String label) {
        return new Anomaly(index, label, observed, expected, pValue, adjustedPValue, direction);
    }
}
