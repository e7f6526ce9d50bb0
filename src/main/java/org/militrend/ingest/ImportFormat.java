package org.militrend.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * One source format: its header rules and how a row's named cells become an {@link
 * IncidentDraft}. Reading the file (CSV or XLSX), the country scope, resolving places, keys, the
 * write and the report are shared by all formats.
 */
interface ImportFormat {

    /** The value of {@code format=}. */
    String name();

    /** The dataset rows go to without {@code dataset=}, with its citation and default description. */
    DatasetInfo defaultDataset();

    /**
     * File-level problems with the header (missing required or unknown columns), each with line
     * 1 and the column. Empty when rows can be read.
     */
    List<ImportMessage> checkHeader(List<String> header, ImportOptions options);

    /** One problem per required column the header lacks, naming the source whose column it is. */
    static List<ImportMessage> missing(List<String> header, List<String> required, String source) {
        List<ImportMessage> problems = new ArrayList<>();
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(
                        new ImportMessage(1L, column, null, "the " + source + " column '" + column + "' is missing"));
            }
        }
        return problems;
    }

    /**
     * The country a row is about, for files that cover several; null when the format's rows are
     * all in the service's country. Rows of another country are skipped before {@link #read}.
     */
    default String country(SourceRow r) {
        return null;
    }

    /**
     * Whether the release a row carries is a revision number (ACLED's {@code timestamp}), so that
     * an older revision of a stored row does not overwrite it.
     */
    default boolean releasesAreRevisions() {
        return false;
    }

    /** The column a row's date comes from, for the report (a date out of range names it). */
    default String dateColumn() {
        return "date";
    }

    /** Reads one row; problems go to {@code row}. May return null when the row is rejected. */
    IncidentDraft read(SourceRow r, RowContext row, ImportOptions options);
}
