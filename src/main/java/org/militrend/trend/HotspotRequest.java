package org.militrend.trend;

import org.militrend.aggregate.Dimension;
import org.militrend.aggregate.Metric;
import org.militrend.incident.Periods.Granularity;

/**
 * The parameters of {@code /hotspots}, parsed ({@link HotspotParams#toRequest()}).
 *
 * @param currentRegime judge each place on its current regime ({@code regime=current}, the
 *     default) rather than the whole range
 */
public record HotspotRequest(Metric metric, Dimension by, Granularity granularity, boolean currentRegime) {}
