package org.militrend.aggregate;

import org.militrend.common.Csv;

/**
 * One aggregate row: a flat object whose fields are the answer's {@code columns} (the {@code
 * groupBy} names, {@code province} beside {@code district}, the metric names and their {@code
 * Unknown} and {@code Per100k} forms), the same as the CSV's. It holds its group's labels (shared
 * by every period of the group), its period and its figures as longs; {@link RowColumns} says
 * once per answer which is which. The rows of an answer are written to JSON and CSV by {@link
 * RowBytes}.
 */
public final class AggregateRow {

    private final RowColumns columns;
    private final RowGroup group;
    private final String period;
    private final Coverage.State state;
    /** The metrics' sums, then per metric the count of incidents lacking it. */
    private final long[] figures;
    /** Bit j: metric j's sum is unknown; bit metrics + j: so is its count of unknowns. */
    private final int nulls;

    AggregateRow(RowColumns columns, RowGroup group, String period, Coverage.State state, long[] figures, int nulls) {
        this.columns = columns;
        this.group = group;
        this.period = period;
        this.state = state;
        this.figures = figures;
        this.nulls = nulls;
    }

    /** A column's value: a String, Boolean, Long or Double, or null (also for a column the answer lacks). */
    public Object get(String column) {
        int i = columns.indexOf(column);
        return i < 0 ? null : value(i);
    }

    /** A metric value as a long (0 when unknown or absent). */
    public long count(String metric) {
        return get(metric) instanceof Number n ? n.longValue() : 0;
    }

    Object value(int column) {
        int j = columns.metric(column);
        return switch (columns.kind(column)) {
            case TEXT -> group.text()[column];
            case PERIOD -> period;
            case COVERED -> covered();
            case PARTIAL -> partial();
            case METRIC, UNKNOWN -> isNull(column) ? null : figure(column);
            case POPULATION -> group.population();
            case PER_100K -> isNull(column) ? null : per100k(j);
        };
    }

    RowColumns columns() {
        return columns;
    }

    RowGroup group() {
        return group;
    }

    String period() {
        return period;
    }

    boolean covered() {
        return state != null && state.covered();
    }

    boolean partial() {
        return state == Coverage.State.PARTIAL;
    }

    /** Whether a figure column (a metric, its unknowns or its rate) is null here. */
    boolean isNull(int column) {
        int j = columns.metric(column);
        return switch (columns.kind(column)) {
            case METRIC -> (nulls & (1 << j)) != 0;
            case UNKNOWN -> (nulls & (1 << (columns.metricCount() + j))) != 0;
            case PER_100K -> {
                Long population = group.population();
                yield population == null || population == 0 || (nulls & (1 << j)) != 0;
            }
            default -> value(column) == null;
        };
    }

    long figure(int column) {
        int j = columns.metric(column);
        return columns.kind(column) == RowColumns.Kind.UNKNOWN ? figures[columns.metricCount() + j] : figures[j];
    }

    double per100k(int metric) {
        return figures[metric] * 100_000.0 / group.population();
    }

    /** The cell of a column in the CSV form ({@link Csv#cell} of the value, without boxing the figures). */
    String csvCell(int column) {
        return switch (columns.kind(column)) {
            case METRIC, UNKNOWN -> isNull(column) ? "" : Long.toString(figure(column));
            case PER_100K -> isNull(column) ? "" : Csv.cell(per100k(columns.metric(column)));
            default -> Csv.cell(value(column));
        };
    }
}
