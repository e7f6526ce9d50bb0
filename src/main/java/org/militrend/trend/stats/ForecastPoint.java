package org.militrend.trend.stats;

/**
 * One forecast period (API {@code forecast[i]}).
 *
 * @param index time index t (n, n+1, ...)
 * @param period period label (e.g. {@code 2023-07}) when the facade knows the calendar, else null
 * @param mean expected count {@code exp(η)}, η = xᵀβ̂ + log(exposure carried forward)
 * @param lower lower bound of the 95% confidence interval of the mean, {@code exp(η - z se_η)}
 * @param upper upper bound, {@code exp(η + z se_η)}
 * @param predictionLower lower bound of the 95% prediction interval of the count (see {@link
 *     Forecast}); null, like {@code predictionUpper}, when the confidence bounds of the mean are
 *     astronomically large (&gt; 1e12: a meaningless extrapolation)
 * @param predictionUpper upper bound of the 95% prediction interval of the count, or null
 * @param eta linear predictor η
 * @param seEta standard error of η, {@code sqrt(xᵀ Cov x)}
 */
public record ForecastPoint(
        int index,
        String period,
        double mean,
        double lower,
        double upper,
        Long predictionLower,
        Long predictionUpper,
        double eta,
        double seEta) {
    public ForecastPoint {
        Checks.positive("mean", mean);
        Checks.nonNegative("lower", lower);
        Checks.finite("upper", upper);
        Checks.finite("eta", eta);
        Checks.nonNegative("seEta", seEta);
        if (!(lower <= mean && mean <= upper)) {
            throw new IllegalArgumentException("inconsistent forecast bounds");
        }
        if ((predictionLower == null) != (predictionUpper == null)
                || (predictionLower != null && (predictionLower < 0 || predictionLower > predictionUpper))) {
            throw new IllegalArgumentException("inconsistent prediction bounds");
        }
    }

    /** The same point with its time index moved by {@code periods} (a segment's t to the series' t). */
    ForecastPoint shiftedBy(int periods) {
        return new ForecastPoint(
                index + periods, period, mean, lower, upper, predictionLower, predictionUpper, eta, seEta);
    }

    ForecastPoint withPeriod(String label) {
        return new ForecastPoint(index, label, mean, lower, upper, predictionLower, predictionUpper, eta, seEta);
    }
}
