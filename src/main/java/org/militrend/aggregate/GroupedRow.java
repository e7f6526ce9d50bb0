package org.militrend.aggregate;

/**
 * One row of an aggregate's GROUP BY, read from the incidents or from a rollup: the grouped values
 * as text, in {@link AggregateQuery#groupedOn()} order, and the figures laid out as an {@link
 * AggregateRow}'s, so that a row of the answer takes them as they are.
 *
 * @param keys the grouped values, null where SQL's is NULL
 * @param figures the metrics' sums, then per metric the count of incidents lacking it (0 where
 *     the sum is null)
 * @param nullSums bit j: metric j's sum is null (every incident of the group lacks the count)
 * @param coarseDated the incidents dated less precisely than the time dimension's bucket
 */
record GroupedRow(String[] keys, long[] figures, int nullSums, long coarseDated) {

    /**
     * A row as Hibernate returns it: {@code keys} grouped values, {@code metrics} sums, as many
     * unknown counts, then the coarse-dated count, as {@link Number}s or null.
     */
    static GroupedRow of(Object[] row, int keys, int metrics) {
        String[] text = new String[keys];
        for (int c = 0; c < keys; c++) {
            text[c] = row[c] == null ? null : row[c].toString();
        }
        long[] figures = new long[2 * metrics];
        int nullSums = 0;
        for (int j = 0; j < metrics; j++) {
            if (row[keys + j] == null) {
                nullSums |= 1 << j;
            } else {
                figures[j] = ((Number) row[keys + j]).longValue();
            }
            figures[metrics + j] = longOrZero(row[keys + metrics + j]);
        }
        return new GroupedRow(text, figures, nullSums, longOrZero(row[keys + 2 * metrics]));
    }

    /** Metric j's sum, null when unknown. */
    Long sum(int j) {
        return (nullSums & (1 << j)) != 0 ? null : figures[j];
    }

    private static long longOrZero(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
