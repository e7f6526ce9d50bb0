package org.militrend.trend;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.militrend.aggregate.Attribution;
import org.militrend.incident.Periods;
import org.militrend.incident.Periods.Granularity;
import org.militrend.trend.TrendResponse.AnomalyPoint;
import org.militrend.trend.TrendResponse.ChangePoint;
import org.militrend.trend.TrendResponse.Current;
import org.militrend.trend.TrendResponse.ForecastPoint;
import org.militrend.trend.TrendResponse.Linear;
import org.militrend.trend.TrendResponse.MannKendall;
import org.militrend.trend.TrendResponse.NegativeBinomial;
import org.militrend.trend.TrendResponse.Poisson;
import org.militrend.trend.TrendResponse.RateRatio;
import org.militrend.trend.TrendResponse.Segment;
import org.militrend.trend.TrendResponse.SensSlope;
import org.militrend.trend.TrendResponse.TrendQuery;
import org.militrend.trend.stats.Anomaly;
import org.militrend.trend.stats.ChangePointResult;
import org.militrend.trend.stats.Interval;
import org.militrend.trend.stats.LinearTrendResult;
import org.militrend.trend.stats.MannKendallResult;
import org.militrend.trend.stats.NegativeBinomialResult;
import org.militrend.trend.stats.PoissonTrendResult;
import org.militrend.trend.stats.RegimeFit;
import org.militrend.trend.stats.Regimes;
import org.militrend.trend.stats.SegmentationRule;
import org.militrend.trend.stats.SensSlopeResult;
import org.militrend.trend.stats.TrendAnalysis;
import org.militrend.trend.stats.TrendResult;

/**
 * Runs the statistics on one series and turns {@link TrendResult} into the contract's {@link
 * TrendResponse}. Pure (no database): the service feeds it the zero-filled series, tests can feed
 * it any series, with or without exposure.
 *
 * <p>Every double goes through {@link #num(double)}, so a non-finite value could only ever
 * become {@code null}, never {@code NaN} in the JSON.
 */
public final class TrendResponses {

    private TrendResponses() {}

    /**
     * @param periods period labels at {@code granularity}, consecutive, one per count
     * @param exposure positive exposure per period (GLM offset) or null
     */
    public static TrendResponse analyze(
            TrendQuery query,
            Granularity granularity,
            List<String> periods,
            long[] counts,
            double[] exposure,
            List<Attribution> attribution,
            List<String> extraWarnings) {
        if (periods.size() != counts.length) {
            throw new IllegalArgumentException("periods and counts differ in length");
        }
        return analyze(
                query, granularity, TrendSeries.consecutive(periods, counts), exposure, attribution, extraWarnings);
    }

    /**
     * The statistics of a series whose periods may have gaps (left-out uncovered periods): the
     * models see each period at its time position, forecasts continue after the last one.
     *
     * @param exposure positive exposure per covered period (GLM offset) or null
     */
    public static TrendResponse analyze(
            TrendQuery query,
            Granularity granularity,
            TrendSeries series,
            double[] exposure,
            List<Attribution> attribution,
            List<String> extraWarnings) {
        List<String> periods = series.periods();
        long[] counts = series.counts();
        boolean monthly = granularity == Granularity.MONTH;
        SegmentationRule rule = rule(granularity);
        int[] months = null;
        if (monthly) {
            months = new int[periods.size()];
            for (int i = 0; i < months.length; i++) {
                months[i] = YearMonth.parse(periods.get(i)).getMonthValue();
            }
        }
        TrendResult r = TrendAnalysis.analyze(
                counts, months, exposure, query.seasonal(), query.forecast(), rule, series.time());
        LinkedHashSet<String> warnings = new LinkedHashSet<>(extraWarnings);
        warnings.addAll(r.warnings());
        if (!monthly && r.poisson() != null) {
            warnings.add("rateRatioPer12 is the rate ratio per 12 periods, here per 12 " + granularity.key() + "s");
        }
        List<Long> observed = new ArrayList<>();
        for (long c : counts) {
            observed.add(c);
        }
        List<ForecastPoint> currentForecast = forecast(r.regimes().currentForecast(), granularity, series.rangeStart());
        List<ForecastPoint> forecast;
        String forecastModel;
        if (TrendRequest.CURRENT.equals(query.forecastFrom())) {
            forecast = currentForecast;
            boolean fitted =
                    r.regimes().current() != null && r.regimes().current().poisson() != null;
            forecastModel = fitted ? CURRENT_SEGMENT_POISSON : null;
            if (!fitted && query.forecast() > 0) {
                warnings.add("no forecast: the current regime has no Poisson trend");
            }
        } else {
            forecast = forecast(r.forecast(), granularity, series.rangeStart());
            forecastModel = r.forecastModel();
        }
        List<AnomalyPoint> anomalies = new ArrayList<>();
        for (Anomaly a : r.anomalies()) {
            anomalies.add(new AnomalyPoint(
                    periods.get(a.index()),
                    a.observed(),
                    num(a.expected()),
                    num(a.adjustedPValue()),
                    num(a.pValue()),
                    a.direction()));
        }
        return new TrendResponse(
                query,
                periods,
                observed,
                linear(r.linear()),
                poisson(r.poisson(), rule),
                poisson(r.poissonSeasonal(), rule),
                negativeBinomial(r.negativeBinomial()),
                mannKendall(r.mannKendall()),
                sensSlope(r.sensSlope()),
                changePoint(r.changePoint(), periods),
                forecast,
                anomalies,
                new ArrayList<>(warnings),
                forecastModel,
                attribution,
                segments(r.regimes(), periods),
                current(r.regimes(), periods, currentForecast),
                series.uncoveredPeriods());
    }

    /** {@code forecastModel} when the forecast comes from the current regime. */
    static final String CURRENT_SEGMENT_POISSON = "current-segment poisson";

    /** Minimum segment length and periods per year of a granularity (docs/trends.md). */
    static SegmentationRule rule(Granularity g) {
        return switch (g) {
            case MONTH -> SegmentationRule.MONTH;
            case QUARTER -> SegmentationRule.QUARTER;
            case YEAR -> SegmentationRule.YEAR;
            case WEEK -> SegmentationRule.WEEK;
        };
    }

    /** Forecast points labelled by their time position, counted in periods from {@code rangeStart}. */
    private static List<ForecastPoint> forecast(
            List<org.militrend.trend.stats.ForecastPoint> points, Granularity granularity, String rangeStart) {
        List<ForecastPoint> out = new ArrayList<>();
        for (org.militrend.trend.stats.ForecastPoint f : points) {
            out.add(new ForecastPoint(
                    Periods.after(granularity, Periods.startOf(granularity, rangeStart), f.index()),
                    num(f.mean()),
                    num(f.lower()),
                    num(f.upper()),
                    f.predictionLower(),
                    f.predictionUpper()));
        }
        return out;
    }

    static List<Segment> segments(Regimes regimes, List<String> periods) {
        List<Segment> out = new ArrayList<>();
        for (RegimeFit f : regimes.segments()) {
            out.add(new Segment(
                    periods.get(f.segment().first()),
                    periods.get(f.segment().last()),
                    f.segment().periods(),
                    num(f.segment().mean()),
                    rateRatio(f.rateRatioPerYear()),
                    f.poisson() == null ? null : nums(f.poisson().fitted())));
        }
        return out;
    }

    static Current current(Regimes regimes, List<String> periods, List<ForecastPoint> forecast) {
        RegimeFit f = regimes.current();
        if (f == null) {
            return null;
        }
        return new Current(
                periods.get(f.segment().first()),
                periods.get(f.segment().last()),
                f.segment().periods(),
                poisson(f.poisson(), regimes.rule()),
                negativeBinomial(f.negativeBinomial()),
                rateRatio(f.rateRatioPerYear()),
                f.verdict().label(),
                forecast);
    }

    static RateRatio rateRatio(org.militrend.trend.stats.RateRatio rr) {
        return rr == null ? null : new RateRatio(num(rr.estimate()), interval(rr.ci95()));
    }

    static Linear linear(LinearTrendResult l) {
        if (l == null) {
            return null;
        }
        return new Linear(
                num(l.slope()),
                num(l.intercept()),
                num(l.slopeStdErr()),
                interval(l.slopeCi95()),
                num(l.pValue()),
                num(l.rSquared()));
    }

    static Poisson poisson(PoissonTrendResult p, SegmentationRule rule) {
        if (p == null) {
            return null;
        }
        Map<String, Double> months = null;
        if (p.seasonal()) {
            months = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : p.monthEffects().entrySet()) {
                months.put(e.getKey(), num(e.getValue()));
            }
        }
        Double slopeP = p.slopePValue() == null ? null : num(p.slopePValue());
        return new Poisson(
                num(p.intercept()),
                num(p.slope()),
                num(p.interceptStdErr()),
                num(p.slopeStdErr()),
                num(p.deviance()),
                num(p.nullDeviance()),
                num(p.aic()),
                num(p.dispersion()),
                num(p.quasiSlopeStdErr()),
                rateRatio(p.rateRatioPer12()),
                nums(p.fitted()),
                months,
                slopeP,
                num(p.coefficient("intercept").quasiStdErr()),
                rateRatio(org.militrend.trend.stats.RateRatio.perYear(p, rule).orNull()));
    }

    static NegativeBinomial negativeBinomial(NegativeBinomialResult nb) {
        if (nb == null) {
            return null;
        }
        return new NegativeBinomial(
                num(nb.theta()),
                num(nb.intercept()),
                num(nb.slope()),
                num(nb.slopeStdErr()),
                num(nb.thetaStdErr()),
                num(nb.interceptStdErr()),
                rateRatio(nb.rateRatioPer12()),
                num(nb.aic()));
    }

    static MannKendall mannKendall(MannKendallResult mk) {
        if (mk == null) {
            return null;
        }
        return new MannKendall(mk.s(), num(mk.varS()), num(mk.z()), num(mk.pValue()), num(mk.tau()));
    }

    static SensSlope sensSlope(SensSlopeResult s) {
        return s == null ? null : new SensSlope(num(s.slope()), interval(s.ci95()));
    }

    static ChangePoint changePoint(ChangePointResult c, List<String> periods) {
        if (c == null) {
            return null;
        }
        return new ChangePoint(
                periods.get(c.lastIndexBefore()),
                periods.get(c.firstIndexAfter()),
                num(c.k()),
                num(c.pValue()),
                num(c.meanBefore()),
                num(c.meanAfter()),
                c.meanAfter() > c.meanBefore() ? "upward" : c.meanAfter() < c.meanBefore() ? "downward" : "none");
    }

    static List<Double> interval(Interval i) {
        if (i == null) {
            return null;
        }
        Double lo = num(i.lower());
        Double hi = num(i.upper());
        return lo == null || hi == null ? null : List.of(lo, hi);
    }

    static List<Double> nums(List<Double> values) {
        List<Double> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(v == null ? null : num(v)));
        return out;
    }

    /** A finite double, or null: JSON never carries NaN or Infinity. */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
