package org.militrend.report;

import java.util.List;
import java.util.Map;
import org.militrend.aggregate.Attribution;

/**
 * The monthly security report: the month's figures, their change against the previous month
 * and the same month a year before, the split by province and region, the districts hit
 * hardest, suicide attacks, trend flags, and the datasets and filters behind every number.
 */
public record MonthlyReport(
        String month,
        String previousMonth,
        String sameMonthLastYear,
        String from,
        String to,
        Map<String, Object> filters,
        Figures totals,
        Figures previous,
        Figures lastYear,
        Map<String, Change> changeVsPreviousMonth,
        Map<String, Change> changeVsSameMonthLastYear,
        List<PlaceLine> byProvince,
        List<PlaceLine> byRegion,
        List<PlaceLine> topDistricts,
        Figures suicideAttacks,
        List<TrendFlag> trendFlags,
        List<Attribution> attribution,
        List<String> warnings) {

    /** One province, region or district in the month, with the change of its killed figure. */
    public record PlaceLine(
            String name,
            String code,
            String province,
            long incidents,
            Long killed,
            Long injured,
            long killedUnknown,
            long injuredUnknown,
            Change killedVsPreviousMonth) {}

    /**
     * A district whose current trend is significant (Poisson rate ratio per 12 months of its regime
     * since {@code since}, within the 24 months to this one; Benjamini–Hochberg adjusted p &lt; 0.05).
     */
    public record TrendFlag(
            String district, String direction, Double rateRatioPer12, Double adjustedPValue, String since) {}
}
