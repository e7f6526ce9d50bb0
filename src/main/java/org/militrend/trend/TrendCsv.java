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
            Map<String, Object> row = new HashMap<>();
            row.put("period", t.periods().get(i));
            row.put("observed", i < t.observed().size() ? t.observed().get(i) : null);
            row.put("fitted", fitted != null && i < fitted.size() ? fitted.get(i) : null);
            row.put("anomaly", anomalies.get(t.periods().get(i)));
            rows.add(cells(TREND_HEADER, row));
        }
        for (TrendResponse.ForecastPoint f : t.forecast()) {
            Map<String, Object> row = new HashMap<>();
            row.put("period", f.period());
            row.put("forecast", f.mean());
            row.put("forecastLower", f.lower());
            row.put("forecastUpper", f.upper());
            row.put("predictionLower", f.predictionLower());
            row.put("predictionUpper", f.predictionUpper());
            rows.add(cells(TREND_HEADER, row));
        }
        return Csv.write(TREND_HEADER, rows);
    }

    /** One row per ranked place (status "ranked"), then per place with too little data ("insufficient"). */
    static String hotspots(HotspotResponse h) {
        List<List<Object>> rows = new ArrayList<>();
        for (HotspotResponse.Ranked r : h.ranked()) {
            Map<String, Object> row = place(r.district(), r.districtCode(), r.province(), r.provinceCode(), "ranked");
            row.put("rank", r.rank());
            TrendResponse.RateRatio rr = r.rateRatioPer12();
            if (rr != null) {
                row.put("rateRatioPer12", rr.estimate());
                if (rr.ci95() != null && rr.ci95().size() == 2) {
                    row.put("rateRatioPer12Lower", rr.ci95().get(0));
                    row.put("rateRatioPer12Upper", rr.ci95().get(1));
                }
            }
            row.put("pValue", r.pValue());
            row.put("adjustedPValue", r.adjustedPValue());
            row.put("rising", r.rising());
            row.put("falling", r.falling());
            row.put("total", r.total());
            row.put("nonzeroPeriods", r.nonzeroPeriods());
            row.put("recentMean", r.recentMean());
            row.put("lastPeriod", r.lastPeriod());
            row.put("lastPeriodCount", r.lastPeriodCount());
            row.put("population2023", r.population2023());
            row.put("per100k", r.per100k());
            row.put("currentFrom", r.currentFrom());
            row.put("currentPeriods", r.currentPeriods());
            rows.add(cells(HOTSPOT_HEADER, row));
        }
        for (HotspotResponse.Insufficient r : h.insufficient()) {
            Map<String, Object> row =
                    place(r.district(), r.districtCode(), r.province(), r.provinceCode(), "insufficient");
            row.put("total", r.total());
            row.put("nonzeroPeriods", r.nonzeroPeriods());
            row.put("reason", r.reason());
            rows.add(cells(HOTSPOT_HEADER, row));
        }
        return Csv.write(HOTSPOT_HEADER, rows);
    }

    private static Map<String, Object> place(
            String district, String districtCode, String province, String provinceCode, String status) {
        Map<String, Object> row = new HashMap<>();
        row.put("district", district);
        row.put("districtCode", districtCode);
        row.put("province", province);
        row.put("provinceCode", provinceCode);
        row.put("status", status);
        return row;
    }

    /** The row's values in header order; a column the row does not set is an empty cell. */
    private static List<Object> cells(List<String> header, Map<String, Object> row) {
        List<Object> cells = new ArrayList<>(header.size());
        header.forEach(column -> cells.add(row.get(column)));
        return cells;
    }
}
