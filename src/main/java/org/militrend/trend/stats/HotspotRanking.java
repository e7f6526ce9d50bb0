package org.militrend.trend.stats;

import java.util.List;
import java.util.Map;

/**
 * Result of {@link RateRatioTest#rank}: the estimable series ranked by rate ratio (descending, ties
 * by key), and the series without an estimate.
 */
public record HotspotRanking(List<Hotspot> ranked, Map<String, Unranked> notEstimable) {
    public HotspotRanking {
        ranked = List.copyOf(ranked);
        notEstimable = Map.copyOf(notEstimable);
    }

    /** A series without an estimate on the periods judged (null for an empty series), and why. */
    public record Unranked(Segment judged, String reason) {
        public Unranked {
            Checks.notNull("reason", reason);
        }
    }
}
