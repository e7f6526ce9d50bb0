package org.militrend.trend.stats;

/**
 * Either an estimate or the reason why the statistic does not exist for this series (for example
 * "no maximum-likelihood estimate: all counts are zero"). Exactly one of {@code value} and {@code
 * reason} is non-null.
 *
 * @param <T> the result record
 */
public record Outcome<T>(T value, String reason) {
    public Outcome {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of value and reason must be set");
        }
    }

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(Checks.notNull("value", value), null);
    }

    public static <T> Outcome<T> notEstimable(String reason) {
        return new Outcome<>(null, Checks.notNull("reason", reason));
    }

    public boolean isEstimable() {
        return value != null;
    }

    /** The value, or {@code null} when not estimable. */
    public T orNull() {
        return value;
    }
}
