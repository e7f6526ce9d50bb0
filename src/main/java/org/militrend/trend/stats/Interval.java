package org.militrend.trend.stats;

/**
 * A closed interval {@code [lower, upper]} with finite bounds, {@code lower <= upper}; maps to the
 * two-element JSON arrays of the API ({@code slopeCi95}, {@code ci95}).
 */
public record Interval(double lower, double upper) {
    public Interval {
        Checks.finite("lower", lower);
        Checks.finite("upper", upper);
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        }
    }

    /** Both bounds as a two-element array (a fresh copy). */
    public double[] toArray() {
        return new double[] {lower, upper};
    }
}
