package org.militrend.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of a source file, whatever the file's kind: the line a spreadsheet shows it on
 * (header = 1) and its cells by column name. Formats read only this.
 */
final class SourceRow {

    final long line;
    private final Map<String, Integer> columns;
    private final String[] cells;

    SourceRow(long line, Map<String, Integer> columns, String[] cells) {
        this.line = line;
        this.columns = columns;
        this.cells = cells;
    }

    /** The cell of a column; null when the file has no such column or the row no such cell. */
    String get(String column) {
        Integer i = columns.get(column);
        return i == null || i >= cells.length ? null : cells[i];
    }

    /** The cell of the first column whose name, under {@code key}, equals {@code wanted}. */
    String getByKey(String wanted, Function<String, String> key) {
        for (Map.Entry<String, Integer> e : columns.entrySet()) {
            if (key.apply(e.getKey()).equals(wanted)) {
                return e.getValue() >= cells.length ? null : cells[e.getValue()];
            }
        }
        return null;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The header name of the i-th cell, or null right of the header's last column. */
    String columnName(int index) {
        for (Map.Entry<String, Integer> e : columns.entrySet()) {
            if (e.getValue() == index) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Every cell, in file order (for the quarantine). */
    List<String> cells() {
        return Arrays.asList(cells);
    }

    /** Whether the row has a non-blank cell right of the header's last column. */
    boolean overflows(int width) {
        for (int i = width; i < cells.length; i++) {
            if (cells[i] != null && !cells[i].isBlank()) {
                return true;
            }
        }
        return false;
    }
}
