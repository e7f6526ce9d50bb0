package org.militrend.trend;

import org.militrend.aggregate.Metric;
import org.militrend.incident.Periods.Granularity;

/**
 * The parameters of {@code /trends}, parsed ({@link TrendParams#toRequest()}).
 *
 * @param forecast periods to forecast, 0..{@value TrendParameters#MAX_FORECAST}
 * @param forecastFromCurrent {@code forecastFrom=current}: the forecast of the current regime
 */
public record TrendRequest(
        Metric metric,
        Granularity granularity,
        boolean seasonal,
        boolean perCapita,
        int forecast,
        boolean forecastFromCurrent) {

    /** The words of {@code forecastFrom} / the hotspots' {@code regime}. */
    static final String CURRENT = "current";

    static final String WHOLE = "whole";
}
