package org.militrend.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one aggregate answer and what each holds, worked out once per answer: a row then
 * needs only its group's labels, its period and its figures, not a map of its own (at 38,400 rows
 * those maps were most of an uncached answer's cost beyond the SQL, docs/benchmarks.md).
 */
final class RowColumns {

    /** Where a row finds a column's value. */
    enum Kind {
        /** A label or code of the row's group. */
        TEXT,
        /** The time dimension's period. */
        PERIOD,
        COVERED,
        PARTIAL,
        /** A metric's sum; {@link #metric} says which. */
        METRIC,
        /** How many of the row's incidents lack the metric. */
        UNKNOWN,
        POPULATION,
        PER_100K
    }

    private final List<String> names = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Integer> metrics = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final int metricCount;

    private RowColumns(int metricCount) {
        this.metricCount = metricCount;
    }

    /** The columns of the answer to {@code q}, in the order the contract gives them. */
    static RowColumns of(AggregateQuery q) {
        RowColumns c = new RowColumns(q.metrics().size());
        for (Dimension d : q.groupBy()) {
            c.add(d.key(), d.isTime() ? Kind.PERIOD : Kind.TEXT, -1);
            if (d == Dimension.DISTRICT) {
                c.add("districtCode", Kind.TEXT, -1);
                if (!q.groupBy().contains(Dimension.PROVINCE)) {
                    c.add("province", Kind.TEXT, -1);
                }
            }
            if (d == Dimension.PROVINCE) {
                c.add("provinceCode", Kind.TEXT, -1);
            }
            if (d == Dimension.DIVISION) {
                c.add("divisionCode", Kind.TEXT, -1);
            }
        }
        if (q.timeDimension() != null) {
            c.add("covered", Kind.COVERED, -1);
            c.add("partial", Kind.PARTIAL, -1);
        }
        List<Metric> metrics = q.metrics();
        for (int j = 0; j < metrics.size(); j++) {
            c.add(metrics.get(j).key(), Kind.METRIC, j);
        }
        if (q.unknowns()) {
            for (int j = 0; j < metrics.size(); j++) {
                if (metrics.get(j).canBeUnknown()) {
                    c.add(metrics.get(j).key() + "Unknown", Kind.UNKNOWN, j);
                }
            }
        }
        if (q.perCapita() && AggregateService.perCapitaDimension(q) != null) {
            c.add("population2023", Kind.POPULATION, -1);
            for (int j = 0; j < metrics.size(); j++) {
                c.add(metrics.get(j).key() + "Per100k", Kind.PER_100K, j);
            }
        }
        return c;
    }

    private void add(String name, Kind kind, int metric) {
        index.put(name, names.size());
        names.add(name);
        kinds.add(kind);
        metrics.add(metric);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The position of a column, or -1 when the answer has none of that name. */
    int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    Kind kind(int column) {
        return kinds.get(column);
    }

    /** The metric (its position in the query's metrics) a figure column belongs to. */
    int metric(int column) {
        return metrics.get(column);
    }

    int metricCount() {
        return metricCount;
    }
}
