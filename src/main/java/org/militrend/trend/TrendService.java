package org.militrend.trend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.militrend.aggregate.AggregateService;
import org.militrend.aggregate.AggregateService.Series;
import org.militrend.aggregate.Attribution;
import org.militrend.aggregate.Dimension;
import org.militrend.aggregate.Metric;
import org.militrend.common.ProblemException;
import org.militrend.incident.FilterParams;
import org.militrend.incident.FilterResolver;
import org.militrend.incident.IncidentFilter;
import org.militrend.incident.Periods;
import org.militrend.incident.Periods.Granularity;
import org.militrend.place.DistrictRef;
import org.militrend.place.PlaceResolver;
import org.militrend.place.ProvinceRef;
import org.militrend.trend.HotspotResponse.HotspotQuery;
import org.militrend.trend.HotspotResponse.Insufficient;
import org.militrend.trend.HotspotResponse.Ranked;
import org.militrend.trend.TrendResponse.Exposure;
import org.militrend.trend.TrendResponse.RateRatio;
import org.militrend.trend.TrendResponse.TrendQuery;
import org.militrend.trend.stats.BenjaminiHochberg;
import org.militrend.trend.stats.Outcome;
import org.militrend.trend.stats.RateRatioTest;
import org.militrend.trend.stats.RateRatioTestResult;
import org.militrend.trend.stats.Segment;
import org.militrend.trend.stats.Segmentation;
import org.militrend.trend.stats.SegmentationRule;

/**
 * {@code /trends} and {@code /hotspots}: validates the parameters (every mistake a 400 naming the
 * parameter), reads the zero-filled series with one grouped query, and runs the statistics of
 * {@code trend.stats}. See docs/trends.md for the choices.
 */
@ApplicationScoped
public class TrendService {

    /** Longest series analysed (Sen's slope is quadratic in n); 250 years of months, 57 of weeks. */
    static final int MAX_PERIODS = 3000;

    static final int DEFAULT_FORECAST = 6;
    static final int MAX_FORECAST = 60;

    /** Hotspots: a place needs this many periods with a nonzero count ... */
    static final int MIN_NONZERO_PERIODS = 3;
    /** ... and this total of the metric over the range, else it is listed as insufficient. */
    static final long MIN_TOTAL = 5;
    /** Level of the BH-adjusted p-value for the rising/falling flags. */
    static final double ALPHA = 0.05;

    /** Periods averaged for {@code recentMean}. */
    static final int RECENT_PERIODS = 12;

    private static final double Z975 = 1.959963984540054;

    @Inject
    FilterResolver filters;

    @Inject
    AggregateService aggregates;

    @Inject
    PlaceResolver places;

    // ---------------------------------------------------------------- trends

    public TrendResponse trends(FilterParams f, TrendParams p) {
        Metric metric = metric(p.metric);
        Granularity g = granularity(p.granularity);
        boolean seasonal = bool("seasonal", p.seasonal);
        boolean perCapita = bool("perCapita", p.perCapita);
        int horizon = integer("forecast", p.forecast, DEFAULT_FORECAST, 0, MAX_FORECAST);
        String forecastFrom = part("forecastFrom", p.forecastFrom);
        IncidentFilter filter = aggregates.withEffectiveRange(filters.resolve(f));
        List<String> warnings = new ArrayList<>();
        Exposure exposure = null;
        if (perCapita) {
            exposure = exposure(filter, warnings);
        }
        Series series = series(filter, metric, g, warnings);
        String from = filter.from() == null ? null : filter.from().toString();
        String to = filter.to() == null ? null : filter.to().toString();
        TrendQuery query = new TrendQuery(
                metric.key(),
                g.key(),
                seasonal,
                horizon,
                perCapita,
                from,
                to,
                filter.describe(),
                exposure,
                forecastFrom);
        double[] offset = null;
        if (exposure != null && series.counts().length > 0) {
            offset = new double[series.counts().length];
            Arrays.fill(offset, exposure.population2023() / 100_000.0);
        }
        List<Attribution> attribution = series.periods().isEmpty() ? List.of() : aggregates.attribution(filter);
        return TrendResponses.analyze(query, g, series.periods(), series.counts(), offset, attribution, warnings);
    }

    /** The zero-filled series over the effective range; empty (with a warning) when there is no data. */
    private Series series(IncidentFilter filter, Metric metric, Granularity g, List<String> warnings) {
        if (filter.from() == null || filter.to() == null) {
            warnings.add("no incidents match the filters");
            return new Series(List.of(), new long[0], null, null);
        }
        if (filter.from().isAfter(filter.to())) {
            warnings.add("the date range is empty: 'from' " + filter.from() + " is after 'to' " + filter.to()
                    + " (the data's first or last event)");
            return new Series(List.of(), new long[0], filter.from(), filter.to());
        }
        checkLength(g, filter.from(), filter.to());
        return aggregates.series(filter, metric, g);
    }

    private Exposure exposure(IncidentFilter filter, List<String> warnings) {
        if (filter.districtCodes().size() == 1) {
            Optional<DistrictRef> d = places.district(filter.districtCodes().get(0));
            if (d.isPresent() && d.get().population2023() != null && d.get().population2023() > 0) {
                return new Exposure(d.get().name(), d.get().code(), d.get().population2023(), "100000 inhabitants");
            }
            warnings.add("perCapita: the district has no census population; the GLMs have no exposure");
            return null;
        }
        if (filter.districtCodes().isEmpty() && filter.provinceCodes().size() == 1) {
            String code = filter.provinceCodes().get(0);
            Optional<Long> pop = places.provincePopulation(code);
            if (pop.isPresent() && pop.get() > 0) {
                String name = places.province(code).map(ProvinceRef::name).orElse(code);
                return new Exposure(name, code, pop.get(), "100000 inhabitants");
            }
            warnings.add("perCapita: the province has no census population; the GLMs have no exposure");
            return null;
        }
        warnings.add("perCapita needs exactly one district or one province in the filter; the GLMs have no exposure");
        return null;
    }

    // ---------------------------------------------------------------- hotspots

    public HotspotResponse hotspots(FilterParams f, HotspotParams p) {
        Metric metric = metric(p.metric);
        Granularity g = granularity(p.granularity);
        Dimension by = by(p.by);
        boolean wholeRange = TrendResponses.WHOLE_SERIES.equals(part("regime", p.regime));
        IncidentFilter filter = aggregates.withEffectiveRange(filters.resolve(f));
        List<String> warnings = new ArrayList<>();
        boolean hasRange =
                filter.from() != null && filter.to() != null && !filter.from().isAfter(filter.to());
        List<String> periods = List.of();
        Map<String, long[]> byPlace = Map.of();
        if (hasRange) {
            checkLength(g, filter.from(), filter.to());
            periods = Periods.range(g, filter.from(), filter.to());
            byPlace = aggregates.seriesBy(filter, metric, g, by); // one GROUP BY for every place
        } else {
            warnings.add("no incidents match the filters");
        }
        int n = periods.size();
        SegmentationRule rule = TrendResponses.rule(g);
        List<Insufficient> insufficient = new ArrayList<>();
        List<Candidate> tested = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byPlace.entrySet()) {
            long[] counts = e.getValue();
            long total = Arrays.stream(counts).sum();
            int nonzero = (int) Arrays.stream(counts).filter(c -> c > 0).count();
            String reason = null;
            if (n < 3) {
                reason = "the range has " + n + " period(s); a trend needs at least 3";
            } else if (nonzero < MIN_NONZERO_PERIODS) {
                reason = "only " + nonzero + " period(s) with a nonzero count (need " + MIN_NONZERO_PERIODS + ")";
            } else if (total < MIN_TOTAL) {
                reason = "total " + total + " is below " + MIN_TOTAL;
            }
            Outcome<RateRatioTestResult> test = null;
            Segment current = null;
            if (reason == null) {
                // judged on its current regime: the trend since the last change point
                double[] y = Arrays.stream(counts).asDoubleStream().toArray();
                current = wholeRange
                        ? new Segment(0, n - 1, (double) total / n)
                        : Segmentation.segment(y, rule.minSegmentPeriods()).current();
                test = RateRatioTest.test(Arrays.copyOfRange(y, current.first(), current.last() + 1), null);
                if (!test.isEstimable()) {
                    reason = (wholeRange
                                    ? "no estimate: "
                                    : "no estimate for the current regime since " + periods.get(current.first()) + ": ")
                            + test.reason();
                }
            }
            if (reason != null) {
                Place place = place(by, e.getKey());
                insufficient.add(new Insufficient(
                        place.district,
                        place.districtCode,
                        place.province,
                        place.provinceCode,
                        total,
                        nonzero,
                        reason));
            } else {
                tested.add(new Candidate(e.getKey(), counts, total, nonzero, test.value(), current));
            }
        }
        insufficient.sort(Comparator.comparing(
                (Insufficient i) -> by == Dimension.DISTRICT ? i.district() : i.province(),
                Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        tested.sort(
                Comparator.comparingDouble((Candidate c) -> -c.test.rateRatio()).thenComparing(Candidate::key));
        double[] pValues = tested.stream().mapToDouble(Candidate::quasiP).toArray();
        double[] adjusted = BenjaminiHochberg.adjust(pValues);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            ranked.add(ranked(i + 1, tested.get(i), adjusted[i], by, periods));
        }
        if (ranked.stream().anyMatch(r -> r.dispersion() != null && r.dispersion() > 1)) {
            warnings.add("p-values and intervals use the quasi-Poisson standard error (scaled by the square root of"
                    + " the Pearson dispersion where it exceeds 1): the counts are overdispersed");
        }
        HotspotQuery query = new HotspotQuery(
                metric.key(),
                by.key(),
                g.key(),
                filter.from() == null ? null : filter.from().toString(),
                filter.to() == null ? null : filter.to().toString(),
                n,
                filter.describe(),
                MIN_NONZERO_PERIODS,
                MIN_TOTAL,
                ALPHA,
                wholeRange ? TrendResponses.WHOLE_SERIES : TrendResponses.CURRENT_REGIME);
        List<Attribution> attribution = byPlace.isEmpty() ? List.of() : aggregates.attribution(filter);
        return new HotspotResponse(query, ranked, insufficient, attribution, warnings);
    }

    private record Candidate(
            String key, long[] counts, long total, int nonzero, RateRatioTestResult test, Segment current) {
        double inflation() {
            return Math.sqrt(Math.max(1, test.dispersion()));
        }

        double quasiSe() {
            return test.slopeStdErr() * inflation();
        }

        double quasiP() {
            return TrendResponses.twoSidedNormalP(test.slope() / quasiSe());
        }
    }

    private record Place(String district, String districtCode, String province, String provinceCode, Long population) {}

    private Place place(Dimension by, String code) {
        if (by == Dimension.DISTRICT) {
            Optional<DistrictRef> d = places.district(code);
            return d.map(r -> new Place(r.name(), r.code(), r.provinceName(), r.provinceCode(), r.population2023()))
                    .orElse(new Place(code, code, null, null, null));
        }
        String name = places.province(code).map(ProvinceRef::name).orElse(code);
        return new Place(null, null, name, code, places.provincePopulation(code).orElse(null));
    }

    private Ranked ranked(int rank, Candidate c, double adjustedP, Dimension by, List<String> periods) {
        Place place = place(by, c.key());
        double b = c.test().slope();
        double se = c.quasiSe();
        double p = c.quasiP();
        double rr = c.test().rateRatio();
        double lower = Math.exp(12 * (b - Z975 * se));
        double upper = Math.exp(12 * (b + Z975 * se));
        // a nearly separated series has a huge standard error: its bounds overflow and there is no interval
        List<Double> ci = Double.isFinite(lower) && Double.isFinite(upper)
                ? TrendResponses.interval(new org.militrend.trend.stats.Interval(lower, upper))
                : null;
        int n = c.counts().length;
        int recent = Math.min(RECENT_PERIODS, n);
        double recentSum = 0;
        for (int i = n - recent; i < n; i++) {
            recentSum += c.counts()[i];
        }
        Long pop = place.population();
        boolean significant = adjustedP < ALPHA;
        return new Ranked(
                rank,
                place.district(),
                place.districtCode(),
                place.province(),
                place.provinceCode(),
                new RateRatio(TrendResponses.num(rr), ci),
                TrendResponses.num(p),
                TrendResponses.num(adjustedP),
                TrendResponses.num(c.test().pValue()),
                TrendResponses.num(c.test().dispersion()),
                significant && rr > 1,
                significant && rr < 1,
                c.total(),
                c.nonzero(),
                TrendResponses.num(recentSum / recent),
                periods.get(n - 1),
                c.counts()[n - 1],
                pop,
                pop == null || pop == 0 ? null : TrendResponses.num(c.total() * 100_000.0 / pop),
                periods.get(c.current().first()),
                c.current().periods());
    }

    // ---------------------------------------------------------------- parameters

    static Metric metric(String value) {
        if (value == null || value.isBlank()) {
            return Metric.INCIDENTS;
        }
        return Metric.parse(value)
                .orElseThrow(() -> ProblemException.badParameter(
                        "metric",
                        value,
                        "unknown metric; use incidents, killed, injured, casualties, killedCivilians,"
                                + " killedSecurityForces or killedMilitants"));
    }

    static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.MONTH;
        }
        return Granularity.parse(value)
                .orElseThrow(() -> ProblemException.badParameter(
                        "granularity", value, "'granularity' must be month, quarter, year or week"));
    }

    static Dimension by(String value) {
        if (value == null || value.isBlank()) {
            return Dimension.DISTRICT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "district" -> Dimension.DISTRICT;
            case "province" -> Dimension.PROVINCE;
            default -> throw ProblemException.badParameter("by", value, "'by' must be district or province");
        };
    }

    /**
     * {@code forecastFrom} (default whole: the contract's forecast) and the hotspots' {@code regime}
     * (default current): which part of the series, "whole" or "current" (the current regime).
     */
    static String part(String name, String value) {
        if (value == null || value.isBlank()) {
            return name.equals("regime") ? TrendResponses.CURRENT_REGIME : TrendResponses.WHOLE_SERIES;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case TrendResponses.WHOLE_SERIES -> TrendResponses.WHOLE_SERIES;
            case TrendResponses.CURRENT_REGIME -> TrendResponses.CURRENT_REGIME;
            default -> throw ProblemException.badParameter(name, value, "'" + name + "' must be whole or current");
        };
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.badParameter(name, value, "'" + name + "' must be true or false");
        };
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(
                    name, value, "'" + name + "' must be a whole number between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw ProblemException.badParameter(name, value, "'" + name + "' must be between " + min + " and " + max);
        }
        return v;
    }

    /** Refuses ranges too long to analyse, before anything is read. */
    static void checkLength(Granularity g, LocalDate from, LocalDate to) {
        LocalDate a = Periods.start(g, from);
        LocalDate b = Periods.start(g, to);
        long n = switch (g) {
                    case YEAR -> ChronoUnit.YEARS.between(a, b);
                    case QUARTER -> ChronoUnit.MONTHS.between(a, b) / 3;
                    case MONTH -> ChronoUnit.MONTHS.between(a, b);
                    case WEEK -> ChronoUnit.WEEKS.between(a, b);
                }
                + 1;
        if (n > MAX_PERIODS) {
            throw ProblemException.badParameter(
                    "granularity",
                    g.key(),
                    "[" + from + ", " + to + "] has " + n + " " + g.key() + "s; at most " + MAX_PERIODS
                            + " periods can be analysed: narrow 'from'/'to' or use a coarser granularity");
        }
    }
}
