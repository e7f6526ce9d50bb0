package org.militrend.trend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.militrend.common.Csv;

/**
 * The tidy CSV forms of a trend and of a hotspot ranking: one row per period (observed periods,
 * then the forecast ones) and one row per place, so that a report pipeline reads them without
 * unnesting the JSON.
 */
final class TrendCsv {

    static final List<String> TREND_HEADER = List.of(
            "period",
            "observed",
            "fitted",
            "anomaly",
            "forecast",
            "forecastLower",
            "forecastUpper",
            "predictionLower",
            "predictionUpper");

    static final List<String> HOTSPOT_HEADER = List.of(
            "rank",
            "district",
            "districtCode",
            "province",
            "provinceCode",
            "status",
            "rateRatioPer12",
            "rateRatioPer12Lower",
            "rateRatioPer12Upper",
            "pValue",
            "adjustedPValue",
            "rising",
            "falling",
            "total",
            "nonzeroPeriods",
            "recentMean",
            "lastPeriod",
            "lastPeriodCount",
            "population2023",
            "per100k",
            "currentFrom",
            "currentPeriods",
            "reason");

    private TrendCsv() {}

    /**
     * One row per observed period (the count, the Poisson fit, the anomaly direction if flagged),
     * then one per forecast period (the mean with its 95% confidence interval and the 95%
     * prediction interval of the count).
     */
    static String trend(TrendResponse t) {
        List<Double> fitted = t.poisson() == null ? null : t.poisson().fitted();
        Map<String, String> anomalies = new HashMap<>();
        t.anomalies().forEach(a -> anomalies.put(a.period(), a.direction()));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < t.periods().size(); i++) {
            String period = t.periods().get(i);
            List<Object> row = new ArrayList<>();
            row.add(period);
            row.add(i < t.observed().size() ? t.observed().get(i) : null);
            row.add(fitted != null && i < fitted.size() ? fitted.get(i) : null);
            row.add(anomalies.get(period));
            row.add(null);
            row.add(null);
            row.add(null);
            row.add(null);
            row.add(null);
            rows.add(row);
        }
        for (TrendResponse.ForecastPoint f : t.forecast()) {
            List<Object> row = new ArrayList<>();
            row.add(f.period());
            row.add(null);
            row.add(null);
            row.add(null);
            row.add(f.mean());
            row.add(f.lower());
            row.add(f.upper());
            row.add(f.predictionLower());
            row.add(f.predictionUpper());
            rows.add(row);
        }
        return Csv.write(TREND_HEADER, rows);
    }

    /** One row per ranked place (status "ranked"), then per place with too little data ("insufficient"). */
    static String hotspots(HotspotResponse h) {
        List<List<Object>> rows = new ArrayList<>();
        for (HotspotResponse.Ranked r : h.ranked()) {
            TrendResponse.RateRatio rr = r.rateRatioPer12();
            List<Double> ci = rr == null ? null : rr.ci95();
            rows.add(listOf(
                    r.rank(),
                    r.district(),
                    r.districtCode(),
                    r.province(),
                    r.provinceCode(),
                    "ranked",
                    rr == null ? null : rr.estimate(),
                    ci == null || ci.size() < 2 ? null : ci.get(0),
                    ci == null || ci.size() < 2 ? null : ci.get(1),
                    r.pValue(),
                    r.adjustedPValue(),
                    r.rising(),
                    r.falling(),
                    r.total(),
                    r.nonzeroPeriods(),
                    r.recentMean(),
                    r.lastPeriod(),
                    r.lastPeriodCount(),
                    r.population2023(),
                    r.per100k(),
                    r.currentFrom(),
                    r.currentPeriods(),
                    null));
        }
        for (HotspotResponse.Insufficient r : h.insufficient()) {
            rows.add(listOf(
                    null,
                    r.district(),
                    r.districtCode(),
                    r.province(),
                    r.provinceCode(),
                    "insufficient",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    r.total(),
                    r.nonzeroPeriods(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    r.reason()));
        }
        return Csv.write(HOTSPOT_HEADER, rows);
    }

    /** A row that may hold nulls (List.of refuses them). */
    private static List<Object> listOf(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(c);
        }
        return row;
    }
}
