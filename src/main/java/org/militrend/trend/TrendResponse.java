package org.militrend.trend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.militrend.aggregate.Attribution;

/**
 * The body of {@code GET /api/v1/trends} (contract section "Trends"). Every number is a finite
 * double or {@code null}; a section that does not exist for the series is {@code null} and {@code
 * warnings} says why. Fields after {@code warnings} are extensions.
 */
@Schema(name = "TrendResponse")
public record TrendResponse(
        TrendQuery query,

        @Schema(
                description = "Period labels: 2017-03, 2017-Q1, 2017 or 2017-W09.",
                example = "[\"2021-07\",\"2021-08\"]")
        List<String> periods,

        @Schema(description = "The zero-filled metric per period.", example = "[4, 0]")
        List<Long> observed,

        Linear linear,
        Poisson poisson,

        @Schema(description = "Poisson trend with calendar-month effects; only with seasonal=true and monthly periods.")
        Poisson poissonSeasonal,

        @Schema(description = "NB2 trend; null when the data are not overdispersed (theta infinite).")
        NegativeBinomial negativeBinomial,

        MannKendall mannKendall,
        SensSlope sensSlope,
        ChangePoint changePoint,
        List<ForecastPoint> forecast,
        List<AnomalyPoint> anomalies,
        List<String> warnings,

        @Schema(
                description = "Extension: the model behind forecast: 'poisson' or 'poissonSeasonal' (whole series;"
                        + " anomalies always come from it), or 'current-segment poisson' with forecastFrom=current.")
        String forecastModel,

        @Schema(description = "Extension: the datasets behind the series and how to cite them.")
        List<Attribution> attribution,

        @Schema(
                description = "Extension: the regimes found by binary segmentation with Pettitt's test, in time"
                        + " order (one segment when the series has no change point; empty without data).")
        List<Segment> segments,

        @Schema(description = "Extension: the current (last) regime's trend, verdict and forecast; null without data.")
        Current current,

        @Schema(
                description = "Periods of the range that no selected complete dataset covers: left out of periods,"
                        + " observed and every fit (t still counts them, so a gap keeps its place in time).",
                example = "[\"2018\",\"2019\"]")
        List<String> uncoveredPeriods) {

    public TrendResponse {
        periods = List.copyOf(periods);
        observed = List.copyOf(observed);
        forecast = List.copyOf(forecast);
        anomalies = List.copyOf(anomalies);
        warnings = List.copyOf(warnings);
        attribution = attribution == null ? List.of() : List.copyOf(attribution);
        segments = List.copyOf(segments);
        uncoveredPeriods = uncoveredPeriods == null ? List.of() : List.copyOf(uncoveredPeriods);
    }

    /** The query as understood, with the effective date range. */
    public record TrendQuery(
            String metric,
            String granularity,
            boolean seasonal,
            int forecast,
            boolean perCapita,

            @Schema(description = "Effective first date (the data's first event when not given).")
            String from,

            @Schema(description = "Effective last date (the data's last event when not given).")
            String to,

            Map<String, Object> filters,

            @Schema(description = "perCapita: the population used as exposure (Census 2023), else null.")
            Exposure exposure,

            @Schema(description = "Extension: 'whole' (default) or 'current', the series part 'forecast' comes from.")
            String forecastFrom) {}

    /** The offset of the GLMs when {@code perCapita=true}: population / 100,000 in every period. */
    public record Exposure(String place, String placeCode, long population2023, String unit) {}

    /** OLS {@code count ~ t}. */
    public record Linear(
            Double slope,
            Double intercept,
            Double slopeStdErr,
            List<Double> slopeCi95,
            Double pValue,
            Double rSquared) {}

    /** Poisson GLM {@code log μ = [offset +] a + b t [+ month]}, SEs at the MLE. */
    public record Poisson(
            Double intercept,
            Double slope,
            Double interceptStdErr,
            Double slopeStdErr,
            Double deviance,
            Double nullDeviance,
            Double aic,
            Double dispersion,
            Double quasiSlopeStdErr,
            RateRatio rateRatioPer12,
            List<Double> fitted,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Seasonal model only: log rate ratio of each calendar month against January.")
            Map<String, Double> monthEffects,

            @Schema(description = "Extension: two-sided Wald p-value of the slope, 2Φ(-|b/se|).")
            Double slopePValue,

            @Schema(description = "Extension: quasi-Poisson intercept standard error.")
            Double quasiInterceptStdErr,

            @Schema(
                    description = "Extension: exp(b × periods per year) with the Wald 95% interval (the same"
                            + " interval as rateRatioPer12, per year whatever the granularity).")
            RateRatio rateRatioPerYear) {}

    /** {@code exp(12 b)} with the Wald 95% interval. */
    public record RateRatio(Double estimate, List<Double> ci95) {}

    /** NB2 joint maximum-likelihood fit. */
    public record NegativeBinomial(
            Double theta,
            Double intercept,
            Double slope,
            Double slopeStdErr,
            @Schema(description = "Extension.") Double thetaStdErr,
            @Schema(description = "Extension.") Double interceptStdErr,

            @Schema(description = "Extension: exp(12 b) with the Wald 95% interval.")
            RateRatio rateRatioPer12,

            @Schema(description = "Extension.") Double aic) {}

    /**
     * One regime. {@code rateRatioPerYear} uses the quasi-Poisson standard error (dispersion floored
     * at 1); it and {@code fitted} are null when the segment has no Poisson fit (e.g. all zeros).
     */
    public record Segment(
            String from,
            String to,
            int periods,
            Double mean,
            RateRatio rateRatioPerYear,

            @Schema(description = "The segment's own Poisson trend, one value per period of the segment.")
            List<Double> fitted) {}

    /**
     * The current regime: its Poisson and NB2 trends (t = 0 at {@code from}), the quasi-Poisson rate
     * ratio per year the verdict reads, and its forecast.
     */
    public record Current(
            String from,
            String to,
            int periods,
            Poisson poisson,
            NegativeBinomial negativeBinomial,

            @Schema(description = "exp(b × periods per year), Wald 95% interval with SE × sqrt(max(1, dispersion)).")
            RateRatio rateRatioPerYear,

            @Schema(
                    description = "'rising' (interval above 1), 'falling' (below 1) or 'no clear change'.",
                    enumeration = {"rising", "falling", "no clear change"})
            String verdict,

            @Schema(description = "Forecast from the current regime's Poisson trend.")
            List<ForecastPoint> forecast) {}

    /** Mann–Kendall test with continuity correction. */
    public record MannKendall(Long s, Double varS, Double z, Double pValue, Double tau) {}

    /** Sen's slope; {@code ci95} null when the series is too short. */
    public record SensSlope(Double slope, List<Double> ci95) {}

    /** Pettitt change point. */
    public record ChangePoint(
            String lastPeriodBefore,
            String firstPeriodAfter,
            Double k,
            Double pValue,
            Double meanBefore,
            Double meanAfter,

            @Schema(description = "Extension: 'upward' or 'downward' (meanAfter against meanBefore).")
            String direction) {}

    /** A forecast period: the mean with its 95% confidence interval, plus a prediction interval. */
    public record ForecastPoint(
            String period,
            Double mean,
            Double lower,
            Double upper,

            @Schema(description = "Extension: 95% prediction interval of the count, lower bound.")
            Long predictionLower,

            @Schema(description = "Extension: 95% prediction interval of the count, upper bound.")
            Long predictionUpper) {}

    /**
     * A period whose count is improbable under the model. {@code pValue} is the Benjamini–Hochberg
     * adjusted p-value across all periods (the flag is {@code pValue < 0.05}); {@code rawPValue} the
     * unadjusted two-sided tail probability.
     */
    public record AnomalyPoint(
            String period,
            Long observed,
            Double expected,

            @Schema(description = "Benjamini–Hochberg adjusted p-value (flag: < 0.05).")
            Double pValue,

            @Schema(description = "Extension: unadjusted two-sided tail probability.")
            Double rawPValue,

            @Schema(description = "Extension: 'high' or 'low'.")
            String direction) {}
}
