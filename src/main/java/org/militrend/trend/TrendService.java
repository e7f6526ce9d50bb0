package org.militrend.trend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.militrend.aggregate.AggregateService;
import org.militrend.aggregate.AggregateService.Series;
import org.militrend.aggregate.Attribution;
import org.militrend.aggregate.Coverage;
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
import org.militrend.trend.stats.Hotspot;
import org.militrend.trend.stats.HotspotRanking;
import org.militrend.trend.stats.RateRatioTest;
import org.militrend.trend.stats.RateRatioTestResult;
import org.militrend.trend.stats.Segment;

/**
 * {@code /trends} and {@code /hotspots}: validates the parameters (every mistake a 400 naming the
 * parameter), reads the zero-filled series with one grouped query, and runs the statistics of
 * {@code trend.stats}. See docs/trends.md for the choices.
 */
@ApplicationScoped
public class TrendService {

    /** Longest series analysed (Sen's slope is quadratic in n); 250 years of months, 57 of weeks. */
    static final int MAX_PERIODS = 3000;

    /** Hotspots: a place needs this many periods with a nonzero count ... */
    static final int MIN_NONZERO_PERIODS = 3;
    /** ... and this total of the metric over the range, else it is listed as insufficient. */
    static final long MIN_TOTAL = 5;
    /** Level of the BH-adjusted p-value for the rising/falling flags. */
    static final double ALPHA = 0.05;

    /** Periods averaged for {@code recentMean}. */
    static final int RECENT_PERIODS = 12;

    @Inject
    FilterResolver filters;

    @Inject
    AggregateService aggregates;

    @Inject
    PlaceResolver places;

    // ---------------------------------------------------------------- trends

    public TrendResponse trends(FilterParams f, TrendRequest p) {
        Metric metric = p.metric();
        Granularity g = p.granularity();
        boolean seasonal = p.seasonal();
        boolean perCapita = p.perCapita();
        int horizon = p.forecast();
        String forecastFrom = p.forecastFromCurrent() ? TrendRequest.CURRENT : TrendRequest.WHOLE;
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
        TrendSeries covered = covered(series, filter, g, warnings);
        double[] offset = null;
        if (exposure != null && covered.counts().length > 0) {
            offset = new double[covered.counts().length];
            Arrays.fill(offset, exposure.population2023() / 100_000.0);
        }
        List<Attribution> attribution = series.periods().isEmpty() ? List.of() : aggregates.attribution(filter);
        return TrendResponses.analyze(query, g, covered, offset, attribution, warnings);
    }

    /**
     * The periods of the zero-filled series that a selected complete dataset covers, each at its
     * position from the start of the range: a zero outside coverage is no observation.
     */
    private TrendSeries covered(Series series, IncidentFilter filter, Granularity g, List<String> warnings) {
        if (series.periods().isEmpty()) {
            return TrendSeries.consecutive(List.of(), new long[0]);
        }
        Map<String, Coverage.State> states =
                AggregateService.periodStates(aggregates.coverage(filter), g, series.from(), series.to());
        List<String> periods = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        long[] counts = new long[series.counts().length];
        int[] time = new int[counts.length];
        int k = 0;
        for (int i = 0; i < series.periods().size(); i++) {
            String period = series.periods().get(i);
            Coverage.State state = states.get(period);
            if (state != null && state.covered()) {
                periods.add(period);
                counts[k] = series.counts()[i];
                time[k++] = i;
            } else {
                uncovered.add(period);
            }
        }
        if (k == 0) {
            warnings.add("no " + g.key() + " in the range is covered by a selected complete dataset: nothing is"
                    + " known to be a true zero, so no model is fitted (declare a dataset complete over its"
                    + " coverage to analyse it)");
        } else if (!uncovered.isEmpty()) {
            warnings.add(uncovered.size() + " " + g.key() + "(s) in the range are covered by no selected complete"
                    + " dataset (uncoveredPeriods): they are left out of every fit, which keeps each covered "
                    + g.key() + " at its place in time; forecasts start after the last covered " + g.key() + ", "
                    + periods.get(k - 1));
        }
        return new TrendSeries(
                periods,
                Arrays.copyOf(counts, k),
                Arrays.copyOf(time, k),
                series.periods().get(0),
                uncovered);
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
        if (!filter.divisionCodes().isEmpty()) {
            warnings.add("perCapita: needs one district or one province, not a division; the GLMs have no exposure");
            return null;
        }
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

    public HotspotResponse hotspots(FilterParams f, HotspotRequest p) {
        return hotspots(filters.resolve(f), p);
    }

    /** Hotspots of an already resolved filter (the monthly report's window). */
    public HotspotResponse hotspots(IncidentFilter resolved, HotspotRequest p) {
        Granularity g = p.granularity();
        Dimension by = p.by();
        IncidentFilter filter = aggregates.withEffectiveRange(resolved);
        List<String> warnings = new ArrayList<>();
        boolean hasRange =
                filter.from() != null && filter.to() != null && !filter.from().isAfter(filter.to());
        List<String> periods = List.of();
        Map<String, long[]> byPlace = Map.of();
        double[] time = null;
        if (hasRange) {
            checkLength(g, filter.from(), filter.to());
            periods = Periods.range(g, filter.from(), filter.to());
            byPlace = aggregates.seriesBy(filter, p.metric(), g, by); // one GROUP BY for every place
            TrendSeries covered = covered(
                    new Series(periods, new long[periods.size()], filter.from(), filter.to()), filter, g, warnings);
            time = Arrays.stream(covered.time()).asDoubleStream().toArray();
            periods = covered.periods();
            byPlace = onlyAt(byPlace, covered.time());
        } else {
            warnings.add("no incidents match the filters");
        }
        int n = periods.size();
        List<Insufficient> insufficient = new ArrayList<>();
        Map<String, double[]> eligible = new TreeMap<>();
        for (Map.Entry<String, long[]> e : byPlace.entrySet()) {
            long[] counts = e.getValue();
            long total = Arrays.stream(counts).sum();
            int nonzero = (int) Arrays.stream(counts).filter(c -> c > 0).count();
            if (n < 3) {
                insufficient.add(insufficient(
                        by, e.getKey(), counts, "the range has " + n + " period(s); a trend needs at least 3"));
            } else if (nonzero < MIN_NONZERO_PERIODS) {
                insufficient.add(insufficient(
                        by,
                        e.getKey(),
                        counts,
                        "only " + nonzero + " period(s) with a nonzero count (need " + MIN_NONZERO_PERIODS + ")"));
            } else if (total < MIN_TOTAL) {
                insufficient.add(insufficient(by, e.getKey(), counts, "total " + total + " is below " + MIN_TOTAL));
            } else {
                eligible.put(e.getKey(), Arrays.stream(counts).asDoubleStream().toArray());
            }
        }
        HotspotRanking ranking =
                RateRatioTest.rank(eligible, null, p.currentRegime() ? TrendResponses.rule(g) : null, time);
        for (Map.Entry<String, HotspotRanking.Unranked> e :
                ranking.notEstimable().entrySet()) {
            Segment judged = e.getValue().judged();
            String reason = p.currentRegime() && judged != null
                    ? "no estimate for the current regime since " + periods.get(judged.first()) + ": "
                    : "no estimate: ";
            insufficient.add(insufficient(
                    by,
                    e.getKey(),
                    byPlace.get(e.getKey()),
                    reason + e.getValue().reason()));
        }
        insufficient.sort(Comparator.comparing(
                (Insufficient i) -> by == Dimension.DISTRICT ? i.district() : i.province(),
                Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        List<Ranked> ranked = new ArrayList<>();
        for (Hotspot h : ranking.ranked()) {
            ranked.add(ranked(h, byPlace.get(h.key()), by, periods));
        }
        if (ranked.stream().anyMatch(r -> r.dispersion() != null && r.dispersion() > 1)) {
            warnings.add("p-values and intervals use the quasi-Poisson standard error (scaled by the square root of"
                    + " the Pearson dispersion where it exceeds 1): the counts are overdispersed");
        }
        HotspotQuery query = new HotspotQuery(
                p.metric().key(),
                by.key(),
                g.key(),
                filter.from() == null ? null : filter.from().toString(),
                filter.to() == null ? null : filter.to().toString(),
                n,
                filter.describe(),
                MIN_NONZERO_PERIODS,
                MIN_TOTAL,
                ALPHA,
                p.currentRegime() ? TrendRequest.CURRENT : TrendRequest.WHOLE);
        List<Attribution> attribution = byPlace.isEmpty() ? List.of() : aggregates.attribution(filter);
        return new HotspotResponse(query, ranked, insufficient, attribution, warnings);
    }

    /** Each series cut down to the periods at the given positions (the covered ones). */
    private static Map<String, long[]> onlyAt(Map<String, long[]> series, int[] positions) {
        Map<String, long[]> out = new LinkedHashMap<>();
        series.forEach((key, counts) -> {
            long[] kept = new long[positions.length];
            for (int i = 0; i < positions.length; i++) {
                kept[i] = counts[positions[i]];
            }
            out.put(key, kept);
        });
        return out;
    }

    private Insufficient insufficient(Dimension by, String key, long[] counts, String reason) {
        Place place = place(by, key);
        return new Insufficient(
                place.district,
                place.districtCode,
                place.province,
                place.provinceCode,
                Arrays.stream(counts).sum(),
                (int) Arrays.stream(counts).filter(c -> c > 0).count(),
                reason);
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

    private Ranked ranked(Hotspot h, long[] counts, Dimension by, List<String> periods) {
        Place place = place(by, h.key());
        RateRatioTestResult test = h.test();
        int n = counts.length;
        int recent = Math.min(RECENT_PERIODS, n);
        double recentSum = 0;
        for (int i = n - recent; i < n; i++) {
            recentSum += counts[i];
        }
        long total = Arrays.stream(counts).sum();
        Long pop = place.population();
        boolean significant = h.adjustedPValue() < ALPHA;
        return new Ranked(
                h.rank(),
                place.district(),
                place.districtCode(),
                place.province(),
                place.provinceCode(),
                // a nearly separated series has a huge standard error: its bounds overflow and there is no interval
                new RateRatio(
                        TrendResponses.num(test.rateRatio()),
                        TrendResponses.interval(test.quasi().ci95())),
                TrendResponses.num(test.quasi().pValue()),
                TrendResponses.num(h.adjustedPValue()),
                TrendResponses.num(test.pValue()),
                TrendResponses.num(test.dispersion()),
                significant && test.rateRatio() > 1,
                significant && test.rateRatio() < 1,
                total,
                (int) Arrays.stream(counts).filter(c -> c > 0).count(),
                TrendResponses.num(recentSum / recent),
                periods.get(n - 1),
                counts[n - 1],
                pop,
                pop == null || pop == 0 ? null : TrendResponses.num(total * 100_000.0 / pop),
                periods.get(h.judged().first()),
                h.judged().periods());
    }

    // ---------------------------------------------------------------- parameters

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
