package org.militrend.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        List<GroupedRow> raw = repository.groupBy(q);
        int metrics = q.metrics().size();
        Long[] sums = new Long[metrics];
        long[] unknownTotals = new long[metrics];
        long coarse = 0;
        for (GroupedRow r : raw) {
            for (int j = 0; j < metrics; j++) {
                sums[j] = sumOfKnown(sums[j], r.sum(j));
                unknownTotals[j] += r.figures()[metrics + j];
            }
            coarse += r.coarseDated();
        }
        Coverage coverage = coverage(q.filter());
        Map<String, Coverage.State> states = periodStates(q, coverage);
        RowColumns columns = RowColumns.of(q);
        List<AggregateRow> rows = rows(q, raw, columns, states);
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
                echo(q), columns.names(), cut, totals(q, sums, unknownTotals), attribution(q.filter()), warnings);
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
        Map<String, long[]> out = new LinkedHashMap<>();
        for (GroupedRow r : repository.groupBy(q)) {
            String key = by == null ? "" : r.keys()[0];
            if (key == null) {
                continue; // incidents known only to a coarser place are in no district's series
            }
            Integer at = index.get(r.keys()[time]);
            if (at != null) {
                long v = r.figures()[0]; // 0 where unknown: the models count an unknown as 0
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
     * The rows of the answer in its order: the database's groups, then, for every group in the
     * order first seen, each period of [from, to] it lacks, with true zeros where a selected
     * complete dataset covers the period and unknowns (null) where none does; then sorted
     * ({@link #inAnswerOrder}). A group's labels are looked up once, not once per period.
     */
    private List<AggregateRow> rows(
            AggregateQuery q, List<GroupedRow> raw, RowColumns columns, Map<String, Coverage.State> states) {
        int dims = q.groupedOn().size();
        int metrics = q.metrics().size();
        Dimension timeDimension = q.timeDimension();
        int time = timeDimension == null ? -1 : q.groupedOn().indexOf(timeDimension);
        List<String> periods = time < 0 || q.from() == null || q.to() == null
                ? null
                : Periods.range(timeDimension.granularity(), q.from(), q.to());
        int periodCount = periods == null ? 0 : periods.size();
        Map<String, Integer> periodIndex = new HashMap<>();
        for (int i = 0; i < periodCount; i++) {
            periodIndex.put(periods.get(i), i);
        }
        Labels labels = new Labels();
        Map<List<String>, GroupPeriods> groups = new LinkedHashMap<>();
        List<AggregateRow> rows = new ArrayList<>();
        boolean empty = true;
        boolean everyPeriodInRange = true;
        String[] previousKey = null;
        GroupPeriods previous = null;
        for (int n = 0; n < raw.size(); n++) {
            GroupedRow r = raw.get(n);
            String[] key = r.keys();
            String period = time < 0 ? null : key[time];
            // the database returns a group's periods one after another: look it up once per run
            GroupPeriods group = previous != null && sameGroup(previousKey, key, time)
                    ? previous
                    : groups.computeIfAbsent(
                            withoutTime(key, time),
                            k -> new GroupPeriods(group(q, columns, key, labels), groups.size(), periodCount));
            previousKey = key;
            previous = group;
            Integer at = period == null ? null : periodIndex.get(period);
            long[] figures = r.figures();
            for (long figure : figures) {
                empty &= figure == 0;
            }
            AggregateRow row = new AggregateRow(
                    columns,
                    group.group,
                    at == null ? period : periods.get(at),
                    states.get(period),
                    figures,
                    r.nullSums());
            if (at == null) {
                everyPeriodInRange = false;
            } else {
                group.rows[at] = row;
                group.inputOrder[at] = n;
            }
            rows.add(row);
        }
        long[] zeros = new long[2 * metrics];
        if (raw.size() == 1 && dims == 0 && empty) {
            // no incidents at all: a true zero
            rows.set(0, new AggregateRow(columns, groups.values().iterator().next().group, null, null, zeros, 0));
        }
        if (periods == null) {
            sort(rows, q, columns);
            return rows;
        }
        if (groups.isEmpty() && dims == 1) {
            groups.put(List.of(), new GroupPeriods(group(q, columns, new String[dims], labels), 0, periods.size()));
        }
        int unobserved = (1 << (2 * metrics)) - 1; // nothing is known there, not even unknowns
        for (GroupPeriods group : groups.values()) {
            for (int i = 0; i < periods.size(); i++) {
                if (group.rows[i] == null) {
                    Coverage.State state = states.get(periods.get(i));
                    boolean covered = state != null && state.covered();
                    AggregateRow row = new AggregateRow(
                            columns, group.group, periods.get(i), state, zeros, covered ? 0 : unobserved);
                    group.rows[i] = row;
                    group.inputOrder[i] = raw.size() + group.order;
                    rows.add(row);
                }
            }
        }
        if (everyPeriodInRange && q.sort().isEmpty() && ascending(periods)) {
            return inAnswerOrder(q, columns, List.copyOf(groups.values()), periods.size());
        }
        sort(rows, q, columns);
        return rows;
    }

    /**
     * The rows as {@link #sort} orders them when no sort is asked and every row's period is one of
     * the range's: by period, then by the groups' labels, rows whose labels are alike in the order
     * sort's stable sort leaves them (the database's rows in its order, then the filled ones in
     * the order their groups were first seen). Only the groups are compared, not the rows: a
     * district-by-month table over 20 years is 160 groups but 38,400 rows.
     */
    private static List<AggregateRow> inAnswerOrder(
            AggregateQuery q, RowColumns columns, List<GroupPeriods> groups, int periods) {
        List<Integer> at = new ArrayList<>();
        for (Dimension d : q.groupBy()) {
            if (!d.isTime()) {
                at.add(columns.indexOf(d.key()));
            }
        }
        int n = groups.size();
        String[][] keys = new String[n][at.size()];
        for (int g = 0; g < n; g++) {
            for (int k = 0; k < at.size(); k++) {
                String text = at.get(k) < 0 ? null : groups.get(g).group.text()[at.get(k)];
                keys[g][k] = text == null ? null : text.toLowerCase(Locale.ROOT);
            }
        }
        Comparator<String[]> byLabels = (a, b) -> {
            for (int k = 0; k < a.length; k++) {
                if (a[k] == null || b[k] == null) {
                    int c = a[k] == null ? (b[k] == null ? 0 : 1) : -1;
                    if (c != 0) {
                        return c;
                    }
                    continue;
                }
                int c = a[k].compareTo(b[k]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Integer[] order = new Integer[n];
        for (int g = 0; g < n; g++) {
            order[g] = g;
        }
        Arrays.sort(order, (a, b) -> byLabels.compare(keys[a], keys[b]));
        int[] rank = new int[n];
        boolean alike = false;
        for (int i = 1; i < n; i++) {
            boolean same = byLabels.compare(keys[order[i - 1]], keys[order[i]]) == 0;
            alike |= same;
            rank[order[i]] = same ? rank[order[i - 1]] : i;
        }
        List<AggregateRow> rows = new ArrayList<>(n * periods);
        Integer[] bucket = order.clone();
        for (int i = 0; i < periods; i++) {
            if (alike) {
                int period = i;
                Arrays.sort(
                        bucket,
                        Comparator.<Integer>comparingInt(g -> rank[g])
                                .thenComparingInt(g -> groups.get(g).inputOrder[period]));
            }
            for (Integer g : bucket) {
                rows.add(groups.get(g).rows[i]);
            }
        }
        return rows;
    }

    /** Whether the periods ascend as {@link #sort} compares them (lower-cased text). */
    private static boolean ascending(List<String> periods) {
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i - 1)
                            .toLowerCase(Locale.ROOT)
                            .compareTo(periods.get(i).toLowerCase(Locale.ROOT))
                    >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether two keys name the same group (the time dimension, at {@code time}, aside). */
    private static boolean sameGroup(String[] a, String[] b, int time) {
        for (int j = 0; j < a.length; j++) {
            if (j != time && !Objects.equals(a[j], b[j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A group of rows: its row of each period of the range (null while the database had none)
     * and where that row came in the rows before sorting, which orders rows whose labels are alike.
     */
    private static final class GroupPeriods {
        final RowGroup group;
        /** Its position among the groups in the order first seen. */
        final int order;

        final AggregateRow[] rows;
        final int[] inputOrder;

        GroupPeriods(RowGroup group, int order, int periods) {
            this.group = group;
            this.order = order;
            this.rows = new AggregateRow[periods];
            this.inputOrder = new int[periods];
        }
    }

    private static List<String> withoutTime(String[] key, int time) {
        List<String> group = new ArrayList<>(Arrays.asList(key));
        if (time >= 0) {
            group.remove(time);
        }
        return group;
    }

    static Dimension perCapitaDimension(AggregateQuery q) {
        if (q.groupBy().contains(Dimension.DISTRICT)) {
            return Dimension.DISTRICT;
        }
        if (q.groupBy().contains(Dimension.REGION)) {
            return Dimension.REGION;
        }
        return q.groupBy().contains(Dimension.PROVINCE) ? Dimension.PROVINCE : null;
    }

    static List<String> columns(AggregateQuery q) {
        return RowColumns.of(q).names();
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

    /** The labels, codes and population of a group: {@code key} holds its values of {@code groupedOn()}. */
    private RowGroup group(AggregateQuery q, RowColumns columns, String[] key, Labels labels) {
        String[] text = new String[columns.size()];
        String districtCode = null;
        String provinceCode = null;
        String regionKey = null;
        List<Dimension> grouped = q.groupedOn();
        for (int j = 0; j < grouped.size(); j++) {
            Dimension d = grouped.get(j);
            String v = key[j];
            boolean hidden = j >= q.groupBy().size();
            switch (d) {
                case DISTRICT -> {
                    districtCode = v;
                    DistrictRef ref = v == null ? null : labels.district(v);
                    text[columns.indexOf("district")] = ref == null ? v : ref.name();
                    text[columns.indexOf("districtCode")] = v;
                }
                case PROVINCE -> {
                    provinceCode = v;
                    text[columns.indexOf("province")] = v == null ? null : labels.provinceName(v);
                    if (!hidden) {
                        text[columns.indexOf("provinceCode")] = v;
                    }
                }
                case DIVISION -> {
                    text[columns.indexOf("division")] = v == null ? null : labels.divisionName(v);
                    text[columns.indexOf("divisionCode")] = v;
                }
                case REGION -> {
                    regionKey = v;
                    text[columns.indexOf("region")] = v == null ? null : labels.region(v);
                }
                case YEAR, QUARTER, MONTH, WEEK -> {
                    // the period is the row's own, not the group's
                }
                default -> text[columns.indexOf(d.key())] = v;
            }
        }
        Dimension capita = q.perCapita() ? perCapitaDimension(q) : null;
        Long population = capita == null
                ? null
                : switch (capita) {
                    case DISTRICT ->
                        districtCode == null || labels.district(districtCode) == null
                                ? null
                                : labels.district(districtCode).population2023();
                    case REGION -> regionKey == null ? null : labels.regionPopulation(regionKey);
                    default -> provinceCode == null ? null : labels.provincePopulation(provinceCode);
                };
        return new RowGroup(text, population);
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
     * out of it once (text lower-cased once per distinct value), so that the comparisons of a
     * large table read no row. Missing values sort last in both directions.
     */
    private static void sort(List<AggregateRow> rows, AggregateQuery q, RowColumns columns) {
        List<String> keys = new ArrayList<>(q.sort());
        if (q.timeDimension() != null) {
            keys.add(q.timeDimension().key());
        }
        q.groupBy().forEach(d -> keys.add(d.key()));
        int n = keys.size();
        int[] at = new int[n];
        boolean[] descending = new boolean[n];
        for (int k = 0; k < n; k++) {
            String key = keys.get(k);
            descending[k] = key.startsWith("-");
            at[k] = columns.indexOf(descending[k] || key.startsWith("+") ? key.substring(1) : key);
        }
        record Keyed(AggregateRow row, Object[] keys) {}
        Map<String, String> lowered = new HashMap<>();
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (AggregateRow row : rows) {
            Object[] values = new Object[n];
            for (int k = 0; k < n; k++) {
                Object v = at[k] < 0 ? null : row.value(at[k]);
                values[k] =
                        v instanceof String text ? lowered.computeIfAbsent(text, t -> t.toLowerCase(Locale.ROOT)) : v;
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
