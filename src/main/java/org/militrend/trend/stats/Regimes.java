package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The regimes of a series ({@link Segmentation}) with the trend of each ({@link RegimeFit}) and the
 * forecast of the current (last) regime.
 *
 * @param rule the minimum segment length and periods per year used
 * @param splits the change points in the order they were found
 * @param segments one fit per segment, in time order; empty only for an empty series
 * @param currentForecast forecast from the current regime's Poisson trend, indices counted from the
 *     start of the WHOLE series (empty without a current Poisson fit or when not requested)
 */
public record Regimes(
        SegmentationRule rule, List<Split> splits, List<RegimeFit> segments, List<ForecastPoint> currentForecast) {
    public Regimes {
        Checks.notNull("rule", rule);
        splits = List.copyOf(splits);
        segments = List.copyOf(segments);
        currentForecast = List.copyOf(currentForecast);
    }

    /** The latest regime, or null for an empty series. */
    public RegimeFit current() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /**
     * Segments the series and fits every segment.
     *
     * @param counts non-negative integer counts
     * @param exposure positive exposure per period, or null
     * @param rule minimum segment length and periods per year
     * @param horizon number of periods to forecast from the current regime (0 for none)
     */
    public static Regimes of(double[] counts, double[] exposure, SegmentationRule rule, int horizon) {
        return of(counts, exposure, rule, horizon, null);
    }

    /**
     * With the periods at {@code time} (null: 0..n-1). A series with gaps is segmented as the
     * sequence of its periods (a gap is no evidence of a change); each regime's trend and the
     * forecast keep every period at its place in time, and forecast indices are time positions.
     */
    public static Regimes of(double[] counts, double[] exposure, SegmentationRule rule, int horizon, double[] time) {
        double[] y = Checks.counts(counts);
        double[] at = Checks.time(time, y.length);
        double[] e = Checks.exposure(exposure, y.length);
        Checks.notNull("rule", rule);
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0, was " + horizon);
        }
        Segmentation.Result found = Segmentation.segment(y, rule.minSegmentPeriods());
        List<RegimeFit> fits = new ArrayList<>();
        for (Segment s : found.segments()) {
            fits.add(RegimeFit.fit(y, e, s, rule, at));
        }
        List<ForecastPoint> forecast = new ArrayList<>();
        RegimeFit current = fits.isEmpty() ? null : fits.get(fits.size() - 1);
        if (current != null && current.poisson() != null) {
            Double theta = current.negativeBinomial() == null
                    ? null
                    : current.negativeBinomial().theta();
            int origin = (int) at[current.segment().first()];
            int last = (int) at[current.segment().last()] - origin;
            for (ForecastPoint f : Forecast.poisson(current.poisson(), horizon, theta, last)) {
                forecast.add(f.shiftedBy(origin));
            }
        }
        return new Regimes(rule, found.splits(), fits, forecast);
    }
}
