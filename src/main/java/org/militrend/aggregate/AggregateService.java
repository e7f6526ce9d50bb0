package org.militrend.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.militrend.incident.IncidentFilter;
import org.militrend.incident.Periods;
import org.militrend.incident.Periods.Granularity;
import org.militrend.ingest.DatasetCatalog;
import org.militrend.place.DistrictRef;
import org.militrend.place.DivisionRef;
import org.militrend.place.PlaceResolver;
import org.militrend.place.ProvinceRef;

/**
 * Aggregates: the database groups and sums (one GROUP BY), this class labels, zero-fills the
 * time dimension over [from, to] for every group, adds per-capita rates, sorts and cuts.
 */
@ApplicationScoped
public class AggregateService {

    static final String FORMER_FATA = "Former FATA (tribal districts)";
    static final String KP_MAINLAND = "KP mainland";
    static final String KP_UNKNOWN = "Khyber Pakhtunkhwa (district unknown)";

    @Inject
    AggregateRepository repository;

    @Inject
    PlaceResolver places;

    @Inject
    DatasetCatalog datasets;

    /** A zero-filled series of one metric, for the trend models. */
    public record Series(List<String> periods, long[] counts, LocalDate from, LocalDate to) {}

    /** Sets the range of the filter to [from, to], or to the data's first and last event. */
    @Transactional
    public IncidentFilter withEffectiveRange(IncidentFilter filter) {
        if (filter.from() != null && filter.to() != null) {
            return filter;
        }
        LocalDate[] range = repository.dataRange(filter);
        return filter.withRange(
                filter.from() != null ? filter.from() : range[0], filter.to() != null ? filter.to() : range[1]);
    }

    @Transactional
    public AggregateResult run(AggregateQuery q) {
        List<Object[]> raw = repository.groupBy(q);
        List<Dimension> grouped = q.groupedOn();
        int dims = grouped.size();
        int metrics = q.metrics().size();
        Long[] sums = new Long[metrics];
        long[] unknownTotals = new long[metrics];
        long coarse = 0;
        Map<List<Object>, Cells> byKey = new LinkedHashMap<>();
        for (Object[] r : raw) {
            Cells cells = new Cells(metrics);
            for (int j = 0; j < metrics; j++) {
                cells.values[j] = r[dims + j] == null ? null : ((Number) r[dims + j]).longValue();
                cells.unknown[j] = r[dims + metrics + j] == null ? 0 : ((Number) r[dims + metrics + j]).longValue();
                sums[j] = sumOfKnown(sums[j], cells.values[j]);
                unknownTotals[j] += cells.unknown[j];
            }
            int c = dims + 2 * metrics;
            coarse += r[c] == null ? 0 : ((Number) r[c]).longValue();
            List<Object> key = new ArrayList<>(dims);
            for (int j = 0; j < dims; j++) {
                key.add(r[j] == null ? null : r[j].toString());
            }
            byKey.put(key, cells);
        }
        if (raw.size() == 1 && dims == 0 && byKey.values().iterator().next().isEmpty()) {
            byKey.clear();
            byKey.put(List.of(), Cells.zero(metrics)); // no incidents at all: a true zero
        }
        Coverage coverage = coverage(q.filter());
        Map<String, Coverage.State> states = periodStates(q, coverage);
        zeroFill(q, byKey, states);
        List<String> columns = columns(q);
        List<AggregateRow> rows = new ArrayList<>(byKey.size());
        Labels labels = new Labels();
        int time = q.timeDimension() == null ? -1 : q.groupedOn().indexOf(q.timeDimension());
        byKey.forEach((key, values) ->
                rows.add(row(q, key, values, labels, time < 0 ? null : states.get((String) key.get(time)))));
        sort(rows, q);
        List<AggregateRow> cut = q.limit() == null || q.limit() >= rows.size() ? rows : rows.subList(0, q.limit());
        List<String> warnings = new ArrayList<>(coverage.overlaps());
        long uncovered = states.values().stream().filter(st -> !st.covered()).count();
        if (uncovered > 0) {
            warnings.add(uncovered + " " + q.timeDimension().key() + "(s) in the range are covered by no selected"
                    + " complete dataset: their rows are \"covered\": false, with null metrics (or the sums of the"
                    + " incidents an incomplete dataset records there), not zeros");
        }
        if (coarse > 0) {
            warnings.add(coarse + " incident(s) are dated less precisely than a "
                    + q.timeDimension().key()
                    + "; each is counted in the " + q.timeDimension().key() + " of its stored date (the first day of"
                    + " the period its source gives)");
        }
        if (q.perCapita() && perCapitaDimension(q) == null) {
            warnings.add("perCapita needs groupBy province, district or region; no rates were added");
        }
        return new AggregateResult(
                echo(q), columns, cut, totals(q, sums, unknownTotals), attribution(q.filter()), warnings);
    }

    /**
     * The metrics' sums and, under {@code unknown}, per metric that can be unknown, how many
     * incidents lack it. With no incidents every sum is 0; a sum over only unknowns is null.
     */
    private static Map<String, Object> totals(AggregateQuery q, Long[] sums, long[] unknownTotals) {
        Map<String, Object> totals = new LinkedHashMap<>();
        Map<String, Long> unknown = new LinkedHashMap<>();
        for (int j = 0; j < sums.length; j++) {
            Metric m = q.metrics().get(j);
            boolean onlyUnknowns = sums[j] == null && unknownTotals[j] > 0;
            totals.put(m.key(), onlyUnknowns ? null : sums[j] == null ? 0L : sums[j]);
            if (m.canBeUnknown()) {
                unknown.put(m.key(), unknownTotals[j]);
            }
        }
        totals.put("unknown", unknown);
        return totals;
    }

    private static Long sumOfKnown(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(a + b);
    }

    /** One row's metric sums (null: all its incidents' counts unknown) and unknown counts. */
    private static final class Cells {
        final Long[] values;
        final long[] unknown;
        /** A period filled in where no complete dataset looks: nothing is known, not even unknowns. */
        boolean unobserved;

        Cells(int metrics) {
            values = new Long[metrics];
            unknown = new long[metrics];
        }

        /** The cells of a period or group without incidents: true zeros. */
        static Cells zero(int metrics) {
            Cells c = new Cells(metrics);
            java.util.Arrays.fill(c.values, 0L);
            return c;
        }

        static Cells unobserved(int metrics) {
            Cells c = new Cells(metrics);
            c.unobserved = true;
            return c;
        }

        boolean isEmpty() {
            for (int j = 0; j < values.length; j++) {
                if ((values[j] != null && values[j] != 0) || unknown[j] != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The zero-filled series of {@code metric} at {@code granularity} over the filter's effective range. */
    @Transactional
    public Series series(IncidentFilter filter, Metric metric, Granularity granularity) {
        IncidentFilter f = withEffectiveRange(filter);
        if (f.from() == null) {
            return new Series(List.of(), new long[0], null, null);
        }
        Map<String, long[]> bySeries = seriesBy(f, metric, granularity, null);
        List<String> periods = Periods.range(granularity, f.from(), f.to());
        long[] counts = bySeries.getOrDefault("", new long[periods.size()]);
        return new Series(periods, counts, f.from(), f.to());
    }

    /**
     * One zero-filled series per value of {@code by} (a code for places), over the filter's range,
     * which must be set. With {@code by} null, one series under the key "".
     */
    @Transactional
    public Map<String, long[]> seriesBy(IncidentFilter filter, Metric metric, Granularity g, Dimension by) {
        List<String> periods = Periods.range(g, filter.from(), filter.to());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i), i);
        }
        List<Dimension> dims = by == null ? List.of(Dimension.of(g)) : List.of(by, Dimension.of(g));
        AggregateQuery q = new AggregateQuery(dims, List.of(metric), filter, false, List.of(), null);
        int time = q.groupedOn().indexOf(Dimension.of(g));
        int value = q.groupedOn().size();
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Object[] r : repository.groupBy(q)) {
            String key = by == null ? "" : Objects.toString(r[0], null);
            if (key == null) {
                continue; // incidents known only to a coarser place are in no district's series
            }
            Integer at = index.get(r[time].toString());
            if (at != null) {
                long v = r[value] == null ? 0 : ((Number) r[value]).longValue(); // the models count an unknown as 0
                out.computeIfAbsent(key, k -> new long[periods.size()])[at] += v;
            }
        }
        return out;
    }

    /**
     * The coverage of the datasets the filter selects (every dataset when it names none), over
     * its effective range.
     */
    @Transactional
    public Coverage coverage(IncidentFilter filter) {
        if (filter.from() == null || filter.to() == null) {
            return new Coverage(List.of(), List.of());
        }
        return Coverage.of(datasets.describeAll(), filter.datasets(), filter.from(), filter.to());
    }

    /** The coverage state of every period of the time dimension over [from, to] (empty without one). */
    private static Map<String, Coverage.State> periodStates(AggregateQuery q, Coverage coverage) {
        Dimension time = q.timeDimension();
        if (time == null) {
            return new LinkedHashMap<>();
        }
        return periodStates(coverage, time.granularity(), q.from(), q.to());
    }

    /** The coverage state of every period at {@code g} over [from, to], in time order. */
    public static Map<String, Coverage.State> periodStates(
            Coverage coverage, Granularity g, LocalDate from, LocalDate to) {
        Map<String, Coverage.State> states = new LinkedHashMap<>();
        if (from == null || to == null || from.isAfter(to)) {
            return states;
        }
        for (String period : Periods.range(g, from, to)) {
            states.put(period, coverage.state(g, period, from, to));
        }
        return states;
    }

    /**
     * Fills every period of [from, to] for every group: with true zeros where a selected complete
     * dataset covers the period, with unknowns (null) where none does.
     */
    private void zeroFill(AggregateQuery q, Map<List<Object>, Cells> byKey, Map<String, Coverage.State> states) {
        Dimension time = q.timeDimension();
        if (time == null || q.from() == null || q.to() == null) {
            return;
        }
        int t = q.groupedOn().indexOf(time);
        List<String> periods = Periods.range(time.granularity(), q.from(), q.to());
        // a set: a list's contains() made this quadratic (38,400 keys x 160 groups for district,month)
        java.util.Set<List<Object>> groups = new java.util.LinkedHashSet<>();
        for (List<Object> key : byKey.keySet()) {
            List<Object> group = new ArrayList<>(key);
            group.remove(t);
            groups.add(group);
        }
        if (groups.isEmpty() && q.groupedOn().size() == 1) {
            groups.add(new ArrayList<>());
        }
        int metrics = q.metrics().size();
        for (List<Object> group : groups) {
            for (String period : periods) {
                List<Object> key = new ArrayList<>(group);
                key.add(t, period);
                Coverage.State state = states.get(period);
                byKey.putIfAbsent(
                        key, state != null && state.covered() ? Cells.zero(metrics) : Cells.unobserved(metrics));
            }
        }
    }

    private static Dimension perCapitaDimension(AggregateQuery q) {
        if (q.groupBy().contains(Dimension.DISTRICT)) {
            return Dimension.DISTRICT;
        }
        if (q.groupBy().contains(Dimension.REGION)) {
            return Dimension.REGION;
        }
        return q.groupBy().contains(Dimension.PROVINCE) ? Dimension.PROVINCE : null;
    }

    static List<String> columns(AggregateQuery q) {
        List<String> columns = new ArrayList<>();
        for (Dimension d : q.groupBy()) {
            columns.add(d.key());
            if (d == Dimension.DISTRICT) {
                columns.add("districtCode");
                if (!q.groupBy().contains(Dimension.PROVINCE)) {
                    columns.add("province");
                }
            }
            if (d == Dimension.PROVINCE) {
                columns.add("provinceCode");
            }
            if (d == Dimension.DIVISION) {
                columns.add("divisionCode");
            }
        }
        if (q.timeDimension() != null) {
            columns.add("covered");
            columns.add("partial");
        }
        q.metrics().forEach(m -> columns.add(m.key()));
        if (q.unknowns()) {
            q.metrics().stream().filter(Metric::canBeUnknown).forEach(m -> columns.add(m.key() + "Unknown"));
        }
        if (q.perCapita() && perCapitaDimension(q) != null) {
            columns.add("population2023");
            q.metrics().forEach(m -> columns.add(m.key() + "Per100k"));
        }
        return columns;
    }

    /**
     * Names and populations by code, looked up once per request: resolving a code through the
     * gazetteer normalizes the string, which for the 38,400 rows of a district-by-month table
     * cost more than the GROUP BY's own overhead.
     */
    private final class Labels {
        private final Map<String, Optional<DistrictRef>> districts = new HashMap<>();
        private final Map<String, String> provinceNames = new HashMap<>();
        private final Map<String, Long> provincePopulations = new HashMap<>();
        private final Map<String, String> regionNames = new HashMap<>();
        private final Map<String, String> divisionNames = new HashMap<>();
        private final Map<String, Long> regionPopulations = new HashMap<>();

        DistrictRef district(String code) {
            return districts.computeIfAbsent(code, c -> places.district(c)).orElse(null);
        }

        String provinceName(String code) {
            return provinceNames.computeIfAbsent(
                    code, c -> places.province(c).map(ProvinceRef::name).orElse(c));
        }

        Long provincePopulation(String code) {
            return provincePopulations.computeIfAbsent(
                    code, c -> places.provincePopulation(c).orElse(null));
        }

        String divisionName(String code) {
            return divisionNames.computeIfAbsent(
                    code, c -> places.division(c).map(DivisionRef::name).orElse(c));
        }

        String region(String key) {
            return regionNames.computeIfAbsent(key, AggregateService.this::regionLabel);
        }

        Long regionPopulation(String key) {
            return regionPopulations.computeIfAbsent(key, AggregateService.this::regionPopulation);
        }
    }

    private AggregateRow row(AggregateQuery q, List<Object> key, Cells cells, Labels labels, Coverage.State state) {
        Long[] values = cells.values;
        Map<String, Object> row = new LinkedHashMap<>();
        String districtCode = null;
        String provinceCode = null;
        String regionKey = null;
        List<Dimension> grouped = q.groupedOn();
        for (int j = 0; j < grouped.size(); j++) {
            Dimension d = grouped.get(j);
            String v = (String) key.get(j);
            boolean hidden = j >= q.groupBy().size();
            switch (d) {
                case DISTRICT -> {
                    districtCode = v;
                    DistrictRef ref = v == null ? null : labels.district(v);
                    row.put("district", ref == null ? v : ref.name());
                    row.put("districtCode", v);
                    if (!q.groupBy().contains(Dimension.PROVINCE)) {
                        row.put("province", null); // set by the hidden province dimension
                    }
                }
                case PROVINCE -> {
                    provinceCode = v;
                    row.put("province", v == null ? null : labels.provinceName(v));
                    if (!hidden) {
                        row.put("provinceCode", v);
                    }
                }
                case DIVISION -> {
                    row.put("division", v == null ? null : labels.divisionName(v));
                    row.put("divisionCode", v);
                }
                case REGION -> {
                    regionKey = v;
                    row.put("region", v == null ? null : labels.region(v));
                }
                default -> row.put(d.key(), v);
            }
        }
        if (q.timeDimension() != null) {
            row.put("covered", state != null && state.covered());
            row.put("partial", state == Coverage.State.PARTIAL);
        }
        for (int j = 0; j < values.length; j++) {
            row.put(q.metrics().get(j).key(), values[j]);
        }
        if (q.unknowns()) {
            for (int j = 0; j < values.length; j++) {
                if (q.metrics().get(j).canBeUnknown()) {
                    row.put(q.metrics().get(j).key() + "Unknown", cells.unobserved ? null : cells.unknown[j]);
                }
            }
        }
        Dimension capita = q.perCapita() ? perCapitaDimension(q) : null;
        if (capita != null) {
            Long population = switch (capita) {
                case DISTRICT ->
                    districtCode == null
                            ? null
                            : labels.district(districtCode) == null
                                    ? null
                                    : labels.district(districtCode).population2023();
                case REGION -> regionKey == null ? null : labels.regionPopulation(regionKey);
                default -> provinceCode == null ? null : labels.provincePopulation(provinceCode);
            };
            row.put("population2023", population);
            for (int j = 0; j < values.length; j++) {
                row.put(
                        q.metrics().get(j).key() + "Per100k",
                        population == null || population == 0 || values[j] == null
                                ? null
                                : values[j] * 100_000.0 / population);
            }
        }
        return new AggregateRow(row);
    }

    private String regionLabel(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "former-fata" -> FORMER_FATA;
            case "kp-mainland" -> KP_MAINLAND;
            case "kp-unknown" -> KP_UNKNOWN;
            default -> places.province(key).map(ProvinceRef::name).orElse(key);
        };
    }

    private Long regionPopulation(String key) {
        if (key == null || key.equals("kp-unknown")) {
            return null;
        }
        if (key.equals("former-fata") || key.equals("kp-mainland")) {
            boolean fata = key.equals("former-fata");
            long sum = 0;
            for (DistrictRef d : places.districts()) {
                if (d.provinceCode().equals("PK-KP") && d.formerFata() == fata && d.population2023() != null) {
                    sum += d.population2023();
                }
            }
            return sum;
        }
        return places.provincePopulation(key).orElse(null);
    }

    /**
     * Sorts by the requested keys, then time, then the dimensions. The keys of each row are read
     * out of it once (strings lower-cased), so that the comparisons of a large table do no map
     * look-ups. Missing values sort last in both directions.
     */
    private static void sort(List<AggregateRow> rows, AggregateQuery q) {
        List<String> keys = new ArrayList<>(q.sort());
        if (q.timeDimension() != null) {
            keys.add(q.timeDimension().key());
        }
        q.groupBy().forEach(d -> keys.add(d.key()));
        int n = keys.size();
        String[] columns = new String[n];
        boolean[] descending = new boolean[n];
        for (int k = 0; k < n; k++) {
            String key = keys.get(k);
            descending[k] = key.startsWith("-");
            columns[k] = descending[k] || key.startsWith("+") ? key.substring(1) : key;
        }
        record Keyed(AggregateRow row, Object[] keys) {}
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (AggregateRow row : rows) {
            Object[] values = new Object[n];
            for (int k = 0; k < n; k++) {
                Object v = row.get(columns[k]);
                values[k] = v instanceof String text ? text.toLowerCase(Locale.ROOT) : v;
            }
            keyed.add(new Keyed(row, values));
        }
        keyed.sort((a, b) -> {
            for (int k = 0; k < n; k++) {
                Object x = a.keys()[k];
                Object y = b.keys()[k];
                if (x == null || y == null) {
                    int c = x == null ? (y == null ? 0 : 1) : -1;
                    if (c != 0) {
                        return c;
                    }
                    continue;
                }
                int c = x instanceof Number u && y instanceof Number w
                        ? Double.compare(u.doubleValue(), w.doubleValue())
                        : x.toString().compareTo(y.toString());
                if (c != 0) {
                    return descending[k] ? -c : c;
                }
            }
            return 0;
        });
        for (int i = 0; i < rows.size(); i++) {
            rows.set(i, keyed.get(i).row());
        }
    }

    /** The population per-capita figures divide by: the rows' {@code population2023}. */
    static final String PER_CAPITA_BASIS = "Census 2023 (Pakistan Bureau of Statistics)";

    private AggregateResult.QueryEcho echo(AggregateQuery q) {
        return new AggregateResult.QueryEcho(
                q.groupBy().stream().map(Dimension::key).toList(),
                q.metrics().stream().map(Metric::key).toList(),
                q.from() == null ? null : q.from().toString(),
                q.to() == null ? null : q.to().toString(),
                q.filter().describe(),
                q.perCapita(),
                q.perCapita() ? PER_CAPITA_BASIS : null,
                q.sort(),
                q.limit());
    }

    /** Who to credit for the incidents a filter selects. */
    @Transactional
    public List<Attribution> attribution(IncidentFilter filter) {
        return datasets.find(repository.datasets(filter)).stream()
                .map(e -> new Attribution(e.name(), e.citation(), e.licence(), e.url()))
                .toList();
    }
}
