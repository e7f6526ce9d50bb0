package org.militrend.trend.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Facade: all trend statistics of one count series, as {@code GET /trends} reports them.
 *
 * <p>Never throws for degenerate data (all zeros, one or two points, constant series, a calendar
 * month that is always zero, underdispersion): the affected sections are null and {@link
 * TrendResult#warnings()} says why. It throws only for programming errors: null counts, negative /
 * non-integer / non-finite counts, exposure or calendar months of the wrong length or out of range,
 * a negative forecast horizon.
 *
 * <p>Forecasts and anomalies use the seasonal Poisson model when it was requested and is estimable,
 * else the Poisson trend; when the same design's NB2 fit exists (overdispersion), prediction
 * intervals and anomaly tests use NB2 with its θ instead of Poisson.
 *
 * <p>Besides the whole-series models, the series is segmented into regimes ({@link Regimes}): each
 * segment gets its own trend, and the current (last) regime its own forecast. The whole-series
 * sections do not depend on the segmentation.
 */
public final class TrendAnalysis {
    private TrendAnalysis() {}

    /** Monthly series starting at {@code firstPeriod} (consecutive months). */
    public static TrendResult analyze(
            long[] counts, YearMonth firstPeriod, double[] exposure, boolean seasonal, int forecastHorizon) {
        return analyze(toDouble(counts), firstPeriod, exposure, seasonal, forecastHorizon);
    }

    /** Monthly series starting at {@code firstPeriod} (consecutive months). */
    public static TrendResult analyze(
            double[] counts, YearMonth firstPeriod, double[] exposure, boolean seasonal, int forecastHorizon) {
        Checks.notNull("counts", counts);
        Checks.notNull("firstPeriod", firstPeriod);
        int n = counts.length;
        int[] months = new int[n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            YearMonth ym = firstPeriod.plusMonths(i);
            months[i] = ym.getMonthValue();
            labels.add(ym.toString());
        }
        return run(
                counts, months, labels, firstPeriod, exposure, seasonal, forecastHorizon, SegmentationRule.MONTH, null);
    }

    /**
     * Any granularity, segmented as monthly data. {@code calendarMonths[i]} is the calendar month
     * (1..12) of period i for monthly series, or null for other granularities (then no seasonal
     * model). Periods are not labelled.
     */
    public static TrendResult analyze(
            long[] counts, int[] calendarMonths, double[] exposure, boolean seasonal, int forecastHorizon) {
        return analyze(toDouble(counts), calendarMonths, exposure, seasonal, forecastHorizon, SegmentationRule.MONTH);
    }

    /** See {@link #analyze(long[], int[], double[], boolean, int)}. */
    public static TrendResult analyze(
            double[] counts, int[] calendarMonths, double[] exposure, boolean seasonal, int forecastHorizon) {
        return analyze(counts, calendarMonths, exposure, seasonal, forecastHorizon, SegmentationRule.MONTH);
    }

    /** See {@link #analyze(long[], int[], double[], boolean, int)}; {@code rule} fits the granularity. */
    public static TrendResult analyze(
            long[] counts,
            int[] calendarMonths,
            double[] exposure,
            boolean seasonal,
            int forecastHorizon,
            SegmentationRule rule) {
        return analyze(toDouble(counts), calendarMonths, exposure, seasonal, forecastHorizon, rule);
    }

    /** See {@link #analyze(long[], int[], double[], boolean, int, SegmentationRule)}. */
    public static TrendResult analyze(
            double[] counts,
            int[] calendarMonths,
            double[] exposure,
            boolean seasonal,
            int forecastHorizon,
            SegmentationRule rule) {
        return run(counts, calendarMonths, null, null, exposure, seasonal, forecastHorizon, rule, null);
    }

    /**
     * A series with gaps: period i sits at time position {@code time[i]} (whole numbers, strictly
     * increasing; t counts periods from the first period of the range, so a left-out period keeps
     * its place). The regression models and Sen's slope use these positions; Mann–Kendall and
     * Pettitt depend only on the order of the values; forecasts continue from the last position.
     */
    public static TrendResult analyze(
            long[] counts,
            int[] calendarMonths,
            double[] exposure,
            boolean seasonal,
            int forecastHorizon,
            SegmentationRule rule,
            int[] time) {
        double[] at = null;
        if (time != null) {
            at = new double[time.length];
            for (int i = 0; i < time.length; i++) {
                at[i] = time[i];
            }
        }
        return run(toDouble(counts), calendarMonths, null, null, exposure, seasonal, forecastHorizon, rule, at);
    }

    private static double[] toDouble(long[] counts) {
        if (counts == null) {
            throw new NullPointerException("counts");
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }

    private static TrendResult run(
            double[] counts,
            int[] calendarMonths,
            List<String> labels,
            YearMonth first,
            double[] exposure,
            boolean seasonal,
            int horizon,
            SegmentationRule rule,
            double[] time) {
        Checks.notNull("rule", rule);
        double[] y = Checks.counts(counts);
        int n = y.length;
        double[] t = Checks.time(time, n);
        int[] months = Checks.calendarMonths(calendarMonths, n);
        double[] e = Checks.exposure(exposure, n);
        if (horizon < 0) {
            throw new IllegalArgumentException("forecastHorizon must be >= 0, was " + horizon);
        }
        Set<String> warnings = new LinkedHashSet<>();
        if (n == 0) {
            warnings.add("the series is empty");
        }

        LinearTrendResult linear = take(LinearTrend.fit(t, y), warnings);
        PoissonTrendResult poisson = take(PoissonRegression.fit(y, months, e, false, t), warnings);
        PoissonTrendResult poissonSeasonal = null;
        Design seasonalDesign = null;
        if (seasonal) {
            if (months == null) {
                warnings.add("seasonal model needs monthly periods; fitted without month effects");
            } else {
                seasonalDesign = new Design(n, months, e, true, t);
                poissonSeasonal = take(PoissonRegression.fit(seasonalDesign, y), warnings);
            }
        }
        Outcome<NegativeBinomialResult> nbOutcome = NegativeBinomialRegression.fit(y, months, e, false, t);
        NegativeBinomialResult nb = poisson == null ? nbOutcome.orNull() : take(nbOutcome, warnings);
        MannKendallResult mk = take(NonParametricTrend.mannKendall(y), warnings);
        SensSlopeResult sen = take(NonParametricTrend.sensSlope(t, y), warnings);
        if (sen != null && sen.ci95() == null) {
            warnings.add("Sen's slope confidence interval undefined: too few periods or all values tied");
        }
        ChangePointResult cp = take(NonParametricTrend.pettitt(y), warnings);

        PoissonTrendResult base = poissonSeasonal != null ? poissonSeasonal : poisson;
        String baseName = poissonSeasonal != null ? "poissonSeasonal" : poisson != null ? "poisson" : null;
        Double theta = null;
        if (base != null) {
            if (base == poissonSeasonal) {
                NegativeBinomialResult nbs =
                        NegativeBinomialRegression.fit(seasonalDesign, y).orNull();
                theta = nbs == null ? null : nbs.theta();
            } else {
                theta = nb == null ? null : nb.theta();
            }
        }
        List<ForecastPoint> forecast = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        if (base != null) {
            for (ForecastPoint fp : Forecast.poisson(base, horizon, theta, n == 0 ? -1 : (int) t[n - 1])) {
                forecast.add(
                        first == null
                                ? fp
                                : fp.withPeriod(first.plusMonths(fp.index()).toString()));
            }
            if (forecast.stream().anyMatch(f -> f.predictionLower() == null)) {
                warnings.add("forecast prediction intervals omitted where the mean's confidence bound exceeds 1e12"
                        + " (the model is too uncertain to extrapolate)");
            }
            if (forecast.size() < horizon) {
                warnings.add("forecast truncated: the expected count leaves the representable range");
            }
            for (Anomaly a : Anomalies.detect(y, base.fittedArray(), theta)) {
                anomalies.add(labels == null ? a : a.withPeriod(labels.get(a.index())));
            }
        } else if (horizon > 0) {
            warnings.add("no forecast: no Poisson model could be fitted");
        }
        Regimes regimes = regimes(y, e, rule, horizon, first, warnings, t);
        List<Long> observed = Arrays.stream(y).mapToObj(v -> (long) v).toList();
        return new TrendResult(
                n,
                labels,
                observed,
                linear,
                poisson,
                poissonSeasonal,
                nb,
                mk,
                sen,
                cp,
                baseName,
                forecast,
                anomalies,
                new ArrayList<>(warnings),
                regimes);
    }

    private static Regimes regimes(
            double[] y,
            double[] e,
            SegmentationRule rule,
            int horizon,
            YearMonth first,
            Set<String> warnings,
            double[] time) {
        Regimes r = Regimes.of(y, e, rule, horizon, time);
        RegimeFit current = r.current();
        if (current != null && current.poisson() == null && r.segments().size() > 1) {
            warnings.add("current regime (from period " + (current.segment().first() + 1) + "): " + current.reason());
        }
        if (first == null) {
            return r;
        }
        List<ForecastPoint> labelled = r.currentForecast().stream()
                .map(f -> f.withPeriod(first.plusMonths(f.index()).toString()))
                .toList();
        return new Regimes(r.rule(), r.splits(), r.segments(), labelled);
    }

    private static <T> T take(Outcome<T> outcome, Set<String> warnings) {
        if (!outcome.isEstimable()) {
            warnings.add(outcome.reason());
        }
        return outcome.orNull();
    }
}
