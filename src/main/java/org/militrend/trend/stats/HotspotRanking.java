package org.militrend.trend.stats;

import java.util.List;
import java.util.Map;

/**
 * Result of {@link RateRatioTest#rank}: the estimable series ranked by rate ratio (descending, ties
 * by key), and the series without an estimate with the reason.
 */
public record HotspotRanking(List<Hotspot> ranked, Map<String, String> notEstimable) {
    public HotspotRanking {
        ranked = List.copyOf(ranked);
        notEstimable = Map.copyOf(notEstimable);
    }
}
