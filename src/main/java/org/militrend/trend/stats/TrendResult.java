package org.militrend.trend.stats;

import java.time.YearMonth;
import java.util.List;

/**
 * Everything {@code GET /trends} reports for one series. Sections are null when the statistic does
 * not exist for this series; {@link #warnings} then says why. No field is ever NaN or infinite.
 *
 * @param n number of periods
 * @param periods period labels ({@code yyyy-MM}) when the facade was given the first month, else
 *     null (the caller labels by index)
 * @param observed the counts
 * @param linear OLS trend ({@code linear})
 * @param poisson Poisson trend ({@code poisson})
 * @param poissonSeasonal Poisson trend with calendar-month effects ({@code poissonSeasonal}); null
 *     unless requested and estimable
 * @param negativeBinomial NB2 trend ({@code negativeBinomial}); null when θ is infinite (no
 *     overdispersion) or the model is not estimable
 * @param mannKendall Mann–Kendall test ({@code mannKendall})
 * @param sensSlope Sen's slope ({@code sensSlope})
 * @param changePoint Pettitt change point ({@code changePoint}); its indices refer to {@code
 *     periods}/{@code observed}
 * @param forecastModel {@code "poissonSeasonal"} or {@code "poisson"}: the model behind {@code
 *     forecast} and {@code anomalies}; null when neither is estimable
 * @param forecast forecast of the next periods (empty when not requested or not possible)
 * @param anomalies flagged periods (empty when none or no model)
 * @param warnings human-readable reasons for every missing statistic or caveat
 * @param regimes the segments found by binary segmentation, the trend of each and the current
 *     regime's forecast (its forecast points are labelled like {@code forecast})
 */
public record TrendResult(
        int n,
        List<String> periods,
        List<Long> observed,
        LinearTrendResult linear,
        PoissonTrendResult poisson,
        PoissonTrendResult poissonSeasonal,
        NegativeBinomialResult negativeBinomial,
        MannKendallResult mannKendall,
        SensSlopeResult sensSlope,
        ChangePointResult changePoint,
        String forecastModel,
        List<ForecastPoint> forecast,
        List<Anomaly> anomalies,
        List<String> warnings,
        Regimes regimes) {
    public TrendResult {
        Checks.notNull("regimes", regimes);
        periods = periods == null ? null : List.copyOf(periods);
        observed = List.copyOf(observed);
        forecast = List.copyOf(forecast);
        anomalies = List.copyOf(anomalies);
        warnings = List.copyOf(warnings);
        if (observed.size() != n || (periods != null && periods.size() != n)) {
            throw new IllegalArgumentException("inconsistent lengths");
        }
    }

    /** Label of period index i (also future indices when labels are known), else null. */
    public String periodLabel(int index) {
        if (periods == null || periods.isEmpty()) {
            return null;
        }
        return YearMonth.parse(periods.get(0)).plusMonths(index).toString();
    }
}
