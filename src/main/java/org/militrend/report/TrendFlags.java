package org.militrend.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import org.militrend.incident.FilterParams;
import org.militrend.trend.HotspotParams;
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

    List<MonthlyReport.TrendFlag> flags(FilterParams filters, YearMonth month) {
        FilterParams window = new FilterParams();
        window.province = filters.province;
        window.district = filters.district;
        window.eventType = filters.eventType;
        window.actor = filters.actor;
        window.dataset = filters.dataset;
        window.region = filters.region;
        window.from = month.minusMonths(MONTHS - 1).atDay(1).toString();
        window.to = month.atEndOfMonth().toString();
        HotspotParams params = new HotspotParams();
        params.metric = "incidents";
        params.by = "district";
        params.granularity = "month";
        HotspotResponse hotspots = trends.hotspots(window, params);
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
