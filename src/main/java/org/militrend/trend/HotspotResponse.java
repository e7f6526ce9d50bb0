package org.militrend.trend;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.militrend.aggregate.Attribution;

/** The body of {@code GET /api/v1/hotspots}. Every number is finite or null. */
@Schema(name = "HotspotResponse")
public record HotspotResponse(
        HotspotQuery query,

        @Schema(description = "Places with enough data, by rate ratio per 12 periods, largest first.")
        List<Ranked> ranked,

        @Schema(description = "Places with data but too little for a trend, with the reason.")
        List<Insufficient> insufficient,

        List<Attribution> attribution,
        List<String> warnings) {

    public HotspotResponse {
        ranked = List.copyOf(ranked);
        insufficient = List.copyOf(insufficient);
        attribution = List.copyOf(attribution);
        warnings = List.copyOf(warnings);
    }

    /** The query as understood, with the effective range and the thresholds applied. */
    public record HotspotQuery(
            String metric,
            String by,
            String granularity,
            String from,
            String to,
            int periods,
            Map<String, Object> filters,

            @Schema(description = "A place needs at least this many periods with a nonzero count.")
            int minNonzeroPeriods,

            @Schema(description = "A place needs at least this total of the metric over the range.")
            long minTotal,

            @Schema(description = "Significance level of the BH-adjusted p-value for rising/falling.")
            double alpha,

            @Schema(description = "Extension: 'current' (each place judged on its current regime) or 'whole'.")
            String regime) {}

    /**
     * One ranked place, judged on its current regime (the periods since its last change point, see
     * docs/trends.md): the rate ratio, p-values and flags are those of {@code currentFrom} to the
     * end of the range. {@code total}, {@code nonzeroPeriods}, {@code recentMean} and {@code
     * per100k} cover the whole range. {@code district*} are null when ranking provinces.
     */
    public record Ranked(
            int rank,
            String district,
            String districtCode,
            String province,
            String provinceCode,

            @Schema(
                    description = "exp(12 b) of the Poisson trend log μ = a + b t of the current regime, with its 95%"
                            + " interval.")
            TrendResponse.RateRatio rateRatioPer12,

            @Schema(description = "Two-sided Wald p-value of the slope, SE scaled by sqrt(max(1, dispersion)).")
            Double pValue,

            @Schema(description = "Benjamini–Hochberg adjusted pValue across the ranked places.")
            Double adjustedPValue,

            @Schema(description = "Plain Poisson Wald p-value (no dispersion scaling), for reference.")
            Double poissonPValue,

            @Schema(description = "Pearson dispersion of the Poisson fit.")
            Double dispersion,

            boolean rising,
            boolean falling,
            long total,
            int nonzeroPeriods,

            @Schema(description = "Mean of the last min(12, n) periods.")
            Double recentMean,

            String lastPeriod,
            long lastPeriodCount,
            Long population2023,

            @Schema(description = "total per 100,000 inhabitants (Census 2023) over [from, to].")
            Double per100k,

            @Schema(description = "Extension: first period of the current regime the trend is judged on.")
            String currentFrom,

            @Schema(description = "Extension: number of periods of the current regime.")
            int currentPeriods) {}

    /** A place with data but too little for a trend. */
    public record Insufficient(
            String district,
            String districtCode,
            String province,
            String provinceCode,
            long total,
            int nonzeroPeriods,
            String reason) {}
}
