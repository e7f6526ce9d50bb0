package org.militrend.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import org.militrend.aggregate.Dimension;
import org.militrend.aggregate.Metric;
import org.militrend.incident.IncidentFilter;
import org.militrend.incident.Periods.Granularity;
import org.militrend.trend.HotspotRequest;
import org.militrend.trend.HotspotResponse;
import org.militrend.trend.TrendService;

/**
 * The trend flags of a monthly report: the districts whose monthly incident counts over the 24
 * months ending with the report's month rise or fall significantly in their current regime, as
 * {@code /hotspots} ranks them (quasi-Poisson rate ratio per 12 months since the last change point,
 * Benjamini–Hochberg adjusted p &lt; 0.05). With 24 months and regimes of at least 12, a district
 * has at most one change point, and {@code since} says where its current regime starts.
 */
@ApplicationScoped
class TrendFlags {

    static final int MONTHS = 24;

    @Inject
    TrendService trends;

    private static final HotspotRequest DISTRICT_INCIDENTS_BY_MONTH =
            new HotspotRequest(Metric.INCIDENTS, Dimension.DISTRICT, Granularity.MONTH, true);

    /** @param filter the report's resolved filters (without a date range) */
    List<MonthlyReport.TrendFlag> flags(IncidentFilter filter, YearMonth month) {
        IncidentFilter window = filter.withRange(month.minusMonths(MONTHS - 1).atDay(1), month.atEndOfMonth());
        HotspotResponse hotspots = trends.hotspots(window, DISTRICT_INCIDENTS_BY_MONTH);
        return hotspots.ranked().stream()
                .filter(r -> r.rising() || r.falling())
                .map(r -> new MonthlyReport.TrendFlag(
                        r.district(),
                        r.rising() ? "rising" : "falling",
                        r.rateRatioPer12().estimate(),
                        r.adjustedPValue(),
                        r.currentFrom()))
                .toList();
    }
}
